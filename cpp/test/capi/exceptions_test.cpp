// Java exceptions become JB_EJAVA with class, message and stack trace; the JVM and the thread
// stay usable afterwards.
#include "capi_fixture.h"

#include <cstring>

using namespace jbtest;

namespace {
bool contains(const char *haystack, const char *needle) {
    return haystack != nullptr && std::strstr(haystack, needle) != nullptr;
}
}  // namespace

using Exceptions = WithVm;

TEST_F(Exceptions, SeveralClassesWithMessageAndStackTrace) {
    jb_method *iae = find_static("throwIllegalArgument", "(Ljava/lang/String;)I");
    jb_arg msg = jb_arg_string("bad \xF0\x9F\x90\x9B argument");  // a bug emoji
    int32_t i = 0;
    ASSERT_EQ(jb_call_static_int32(iae, &msg, 1, &i), JB_EJAVA);
    EXPECT_EQ(jb_error_code(), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.IllegalArgumentException");
    EXPECT_STREQ(jb_error_java_message(), "bad \xF0\x9F\x90\x9B argument") << "UTF-8 messages survive";
    EXPECT_TRUE(contains(jb_error_java_stack_trace(), "at dev.javabridge.capi.CapiTarget.throwIllegalArgument("))
        << jb_error_java_stack_trace();
    EXPECT_TRUE(contains(jb_error_message(), "calling dev/javabridge/capi/CapiTarget.throwIllegalArgument"))
        << jb_error_message();

    ASSERT_EQ(jb_call_static_void(find_static("throwIllegalState", "()V"), nullptr, 0), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.IllegalStateException");
    EXPECT_STREQ(jb_error_java_message(), "bad state \xE2\x98\x83");

    ASSERT_EQ(jb_call_static_void(find_static("throwChecked", "()V"), nullptr, 0), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.io.IOException") << "checked exceptions too";
    EXPECT_STREQ(jb_error_java_message(), "disk on fire");

    char *s = nullptr;
    ASSERT_EQ(jb_call_static_string(find_static("throwError", "()Ljava/lang/String;"), nullptr, 0, &s, nullptr), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.AssertionError");
    EXPECT_EQ(s, nullptr) << "out untouched on failure";

    ASSERT_EQ(jb_call_static_void(find_static("throwNoMessage", "()V"), nullptr, 0), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.UnsupportedOperationException");
    EXPECT_EQ(jb_error_java_message(), nullptr);
    EXPECT_NE(jb_error_java_stack_trace(), nullptr);

    ASSERT_EQ(jb_call_static_void(find_static("throwWithCause", "()V"), nullptr, 0), JB_EJAVA);
    EXPECT_TRUE(contains(jb_error_java_stack_trace(), "Caused by: java.lang.IllegalArgumentException: inner cause"))
        << jb_error_java_stack_trace();

    jb_method *npe = find_static("nullPointer", "(Ljava/lang/String;)I");
    jb_arg null_arg = jb_arg_null();
    ASSERT_EQ(jb_call_static_int32(npe, &null_arg, 1, &i), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.NullPointerException");

    // Instance methods and constructors too.
    jb_method *ctor = nullptr;
    ASSERT_EQ(jb_method_find_constructor(kCounter, "(Ljava/lang/String;J)V", &ctor), JB_OK);
    jb_arg args[] = {jb_arg_null(), jb_arg_int64(0)};
    jb_object *o = nullptr;
    ASSERT_EQ(jb_call_new(ctor, args, 2, &o), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.NullPointerException");
    EXPECT_STREQ(jb_error_java_message(), "name");
    jb_arg good[] = {jb_arg_string("c"), jb_arg_int64(0)};
    ASSERT_EQ(jb_call_new(ctor, good, 2, &o), JB_OK);
    ASSERT_EQ(jb_call_instance_int32(find_instance("fail", "()I"), o, nullptr, 0, &i), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_message(), "counter c failed");

    // The thread and JVM carry on; a success leaves the last error alone, clear resets it.
    jb_arg two[] = {jb_arg_int32(2), jb_arg_int32(3)};
    ASSERT_EQ(jb_call_static_int32(find_static("add", "(II)I"), two, 2, &i), JB_OK);
    EXPECT_EQ(i, 5);
    EXPECT_EQ(jb_error_code(), JB_EJAVA);
    jb_error_clear();
    EXPECT_EQ(jb_error_code(), JB_OK);
    EXPECT_STREQ(jb_error_message(), "");
    EXPECT_EQ(jb_error_java_class(), nullptr);
    EXPECT_EQ(jb_error_java_stack_trace(), nullptr);
    jb_object_free(o);
}

TEST_F(Exceptions, RepeatedThousandsOfTimesFromOneThread) {
    jb_method *iae = find_static("throwIllegalArgument", "(Ljava/lang/String;)I");
    jb_method *add = find_static("add", "(II)I");
    for (int k = 0; k < 2000; k++) {
        jb_arg msg = jb_arg_string("again");
        int32_t i = 0;
        ASSERT_EQ(jb_call_static_int32(iae, &msg, 1, &i), JB_EJAVA);
        ASSERT_STREQ(jb_error_java_class(), "java.lang.IllegalArgumentException");
        jb_arg two[] = {jb_arg_int32(k), jb_arg_int32(1)};
        ASSERT_EQ(jb_call_static_int32(add, two, 2, &i), JB_OK);
        ASSERT_EQ(i, k + 1);
    }
}

TEST_F(Exceptions, StackOverflowIsAnErrorNotACrash) {
    jb_method *recurse = find_static("recurse", "(I)I");
    jb_arg zero = jb_arg_int32(0);
    int32_t i = 0;
    ASSERT_EQ(jb_call_static_int32(recurse, &zero, 1, &i), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.StackOverflowError");
    jb_arg two[] = {jb_arg_int32(2), jb_arg_int32(3)};
    ASSERT_EQ(jb_call_static_int32(find_static("add", "(II)I"), two, 2, &i), JB_OK);
}

TEST(ExceptionsSmallHeap, OutOfMemoryIsAnErrorAndTheJvmRecovers) {
    jb_vm *vm = open_vm({"-Xmx64m"});
    ASSERT_NE(vm, nullptr);
    jb_method *allocate = find_static("allocate", "(I)[B");
    jb_arg huge = jb_arg_int32(1 << 30);
    uint8_t *bytes = nullptr;
    size_t len = 0;
    ASSERT_EQ(jb_call_static_bytes(allocate, &huge, 1, &bytes, &len), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.OutOfMemoryError");
    jb_arg small = jb_arg_int32(1024);
    ASSERT_EQ(jb_call_static_bytes(allocate, &small, 1, &bytes, &len), JB_OK);
    EXPECT_EQ(len, 1024u);
    jb_bytes_free(bytes);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}
