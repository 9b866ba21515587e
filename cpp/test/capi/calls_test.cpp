// Calls of every parameter and result type, static, instance and constructor, against a real JVM.
#include "capi_fixture.h"

#include <cmath>
#include <cstring>

using namespace jbtest;

using Calls = WithVm;

TEST_F(Calls, StaticPrimitives) {
    jb_method *add = find_static("add", "(II)I");
    jb_arg ints[] = {jb_arg_int32(INT32_MAX), jb_arg_int32(1)};
    int32_t i = 0;
    ASSERT_EQ(jb_call_static_int32(add, ints, 2, &i), JB_OK) << jb_error_message();
    EXPECT_EQ(i, INT32_MIN) << "Java int arithmetic wraps";

    jb_method *add_long = find_static("addLong", "(JJ)J");
    jb_arg longs[] = {jb_arg_int64(INT64_C(1) << 40), jb_arg_int64(-3)};
    int64_t l = 0;
    ASSERT_EQ(jb_call_static_int64(add_long, longs, 2, &l), JB_OK);
    EXPECT_EQ(l, (INT64_C(1) << 40) - 3);

    jb_method *half = find_static("half", "(D)D");
    jb_arg d = jb_arg_double(5.0);
    double r = 0;
    ASSERT_EQ(jb_call_static_double(half, &d, 1, &r), JB_OK);
    EXPECT_EQ(r, 2.5);

    jb_method *half_float = find_static("halfFloat", "(F)F");
    ASSERT_EQ(jb_call_static_double(half_float, &d, 1, &r), JB_OK) << "F accepts a double argument and result";
    EXPECT_EQ(r, 2.5);

    jb_method *negate = find_static("not", "(Z)Z");
    jb_arg b = jb_arg_bool(false);
    bool out = false;
    ASSERT_EQ(jb_call_static_bool(negate, &b, 1, &out), JB_OK);
    EXPECT_TRUE(out);

    jb_method *widen = find_static("widen", "(BSC)I");
    jb_arg small[] = {jb_arg_int32(-2), jb_arg_int32(300), jb_arg_int32(65)};
    ASSERT_EQ(jb_call_static_int32(widen, small, 3, &i), JB_OK) << jb_error_message();
    EXPECT_EQ(i, -2 * 1000000 + 3000 + 65);
    jb_arg too_big[] = {jb_arg_int32(128), jb_arg_int32(0), jb_arg_int32(0)};
    EXPECT_EQ(jb_call_static_int32(widen, too_big, 3, &i), JB_ERANGE);
    jb_arg bad_char[] = {jb_arg_int32(0), jb_arg_int32(0), jb_arg_int32(-1)};
    EXPECT_EQ(jb_call_static_int32(widen, bad_char, 3, &i), JB_ERANGE);
    jb_arg bad_short[] = {jb_arg_int32(0), jb_arg_int32(40000), jb_arg_int32(0)};
    EXPECT_EQ(jb_call_static_int32(widen, bad_short, 3, &i), JB_ERANGE);

    ASSERT_EQ(jb_call_static_int32(find_static("minusOneByte", "()B"), nullptr, 0, &i), JB_OK);
    EXPECT_EQ(i, -1);
    ASSERT_EQ(jb_call_static_int32(find_static("maxChar", "()C"), nullptr, 0, &i), JB_OK);
    EXPECT_EQ(i, 65535) << "char is unsigned";
    ASSERT_EQ(jb_call_static_int64(find_static("minShort", "()S"), nullptr, 0, &l), JB_OK);
    EXPECT_EQ(l, -32768) << "int64 accepts narrower integers";
}

TEST_F(Calls, VoidAndSideEffects) {
    jb_method *touch = find_static("touch", "()V");
    jb_method *calls = find_static("calls", "()J");
    for (int k = 0; k < 3; k++) ASSERT_EQ(jb_call_static_void(touch, nullptr, 0), JB_OK);
    int64_t n = 0;
    ASSERT_EQ(jb_call_static_int64(calls, nullptr, 0, &n), JB_OK);
    EXPECT_EQ(n, 3);
    EXPECT_EQ(jb_call_static_void(calls, nullptr, 0), JB_OK) << "void discards any result";
    EXPECT_EQ(jb_method_free(touch), JB_OK);
    EXPECT_EQ(jb_method_free(calls), JB_OK);
}

TEST_F(Calls, StringsBytesAndNulls) {
    jb_method *echo = find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;");
    EXPECT_EQ(call_string(echo, "hello"), "hello");
    jb_arg null_arg = jb_arg_string(nullptr);
    char *out = reinterpret_cast<char *>(1);
    size_t len = 99;
    ASSERT_EQ(jb_call_static_string(echo, &null_arg, 1, &out, &len), JB_OK);
    EXPECT_EQ(out, nullptr) << "Java null comes back as NULL";
    EXPECT_EQ(len, 0u);
    jb_arg explicit_null = jb_arg_null();
    ASSERT_EQ(jb_call_static_string(echo, &explicit_null, 1, &out, nullptr), JB_OK);
    EXPECT_EQ(out, nullptr);

    jb_method *reverse = find_static("reverse", "([B)[B");
    const uint8_t in[] = {1, 2, 3, 0, 255};
    jb_arg bytes = jb_arg_bytes(in, sizeof in);
    uint8_t *rev = nullptr;
    ASSERT_EQ(jb_call_static_bytes(reverse, &bytes, 1, &rev, &len), JB_OK);
    ASSERT_EQ(len, 5u);
    const uint8_t expected[] = {255, 0, 3, 2, 1};
    EXPECT_EQ(std::memcmp(rev, expected, 5), 0);
    jb_bytes_free(rev);
    jb_arg empty = jb_arg_bytes("", 0);
    ASSERT_EQ(jb_call_static_bytes(reverse, &empty, 1, &rev, &len), JB_OK);
    EXPECT_NE(rev, nullptr) << "an empty array is not null";
    EXPECT_EQ(len, 0u);
    jb_bytes_free(rev);
    ASSERT_EQ(jb_call_static_bytes(find_static("nullBytes", "()[B"), nullptr, 0, &rev, &len), JB_OK);
    EXPECT_EQ(rev, nullptr);
    jb_method *byte_length = find_static("byteLength", "([B)I");
    jb_arg null_bytes = jb_arg_bytes(nullptr, 10);
    int32_t n = 0;
    ASSERT_EQ(jb_call_static_int32(byte_length, &null_bytes, 1, &n), JB_OK);
    EXPECT_EQ(n, -1);

    jb_string_free(nullptr);
    jb_bytes_free(nullptr);
}

TEST_F(Calls, ReferenceParametersAcceptWhatJavaWould) {
    jb_method *describe = find_static("describe", "(Ljava/lang/Object;)Ljava/lang/String;");
    EXPECT_EQ(call_string(describe, "text"), "java.lang.String:text") << "a string passes as Object";
    jb_arg bytes = jb_arg_bytes("ab", 2);
    char *out = nullptr;
    ASSERT_EQ(jb_call_static_string(describe, &bytes, 1, &out, nullptr), JB_OK) << jb_error_message();
    EXPECT_EQ(std::strncmp(out, "[B:", 3), 0) << out;
    jb_string_free(out);
    jb_method *cs_length = find_static("charSequenceLength", "(Ljava/lang/CharSequence;)I");
    jb_arg s = jb_arg_string("four");
    int32_t n = 0;
    ASSERT_EQ(jb_call_static_int32(cs_length, &s, 1, &n), JB_OK);
    EXPECT_EQ(n, 4);
    jb_method *size_of = find_static("sizeOf", "(Ljava/util/List;)I");
    EXPECT_EQ(jb_call_static_int32(size_of, &s, 1, &n), JB_ETYPE) << "a String is not a List";
    EXPECT_NE(std::string(jb_error_message()).find("argument 0"), std::string::npos);
}

TEST_F(Calls, ObjectsConstructorsAndInstanceMethods) {
    jb_method *ctor = nullptr;
    ASSERT_EQ(jb_method_find_constructor(kCounter, "(Ljava/lang/String;J)V", &ctor), JB_OK) << jb_error_message();
    jb_arg args[] = {jb_arg_string("clicks"), jb_arg_int64(41)};
    jb_object *counter = nullptr;
    ASSERT_EQ(jb_call_new(ctor, args, 2, &counter), JB_OK) << jb_error_message();
    ASSERT_NE(counter, nullptr);

    int64_t v = 0;
    ASSERT_EQ(jb_call_instance_int64(find_instance("increment", "()J"), counter, nullptr, 0, &v), JB_OK);
    EXPECT_EQ(v, 42);
    jb_arg delta = jb_arg_int32(-2);
    ASSERT_EQ(jb_call_instance_int64(find_instance("add", "(I)J"), counter, &delta, 1, &v), JB_OK);
    EXPECT_EQ(v, 40);
    char *name = nullptr;
    ASSERT_EQ(jb_call_instance_string(find_instance("name", "()Ljava/lang/String;"), counter, nullptr, 0, &name, nullptr), JB_OK);
    EXPECT_STREQ(name, "clicks");
    jb_string_free(name);
    bool zero = true;
    ASSERT_EQ(jb_call_instance_bool(find_instance("isZero", "()Z"), counter, nullptr, 0, &zero), JB_OK);
    EXPECT_FALSE(zero);
    double ratio = 0;
    jb_arg four = jb_arg_double(4);
    ASSERT_EQ(jb_call_instance_double(find_instance("ratio", "(D)D"), counter, &four, 1, &ratio), JB_OK);
    EXPECT_EQ(ratio, 10.0);
    uint8_t *bytes = nullptr;
    size_t len = 0;
    ASSERT_EQ(jb_call_instance_bytes(find_instance("bytes", "()[B"), counter, nullptr, 0, &bytes, &len), JB_OK);
    EXPECT_EQ(std::string(reinterpret_cast<char *>(bytes), len), "clicks");
    jb_bytes_free(bytes);
    int32_t i = 0;
    ASSERT_EQ(jb_call_instance_void(find_instance("reset", "()V"), counter, nullptr, 0), JB_OK);
    jb_object *copy = nullptr;
    ASSERT_EQ(jb_call_instance_object(find_instance("copy", "()Ldev/javabridge/capi/CapiTarget$Counter;"), counter,
                                      nullptr, 0, &copy), JB_OK);
    char *cls = nullptr;
    ASSERT_EQ(jb_object_class_name(copy, &cls), JB_OK);
    EXPECT_STREQ(cls, "dev.javabridge.capi.CapiTarget$Counter");
    jb_string_free(cls);

    // An object passed back as an argument.
    jb_method *describe = find_static("describe", "(Ljava/lang/Object;)Ljava/lang/String;");
    jb_arg obj = jb_arg_object(copy);
    char *text = nullptr;
    ASSERT_EQ(jb_call_static_string(describe, &obj, 1, &text, nullptr), JB_OK);
    EXPECT_STREQ(text, "dev.javabridge.capi.CapiTarget$Counter:clicks'=0");
    jb_string_free(text);

    // Virtual dispatch: a subclass's override runs.
    jb_method *sub_ctor = nullptr;
    ASSERT_EQ(jb_method_find_constructor("dev/javabridge/capi/CapiTarget$DoubleCounter", "(Ljava/lang/String;)V", &sub_ctor), JB_OK);
    jb_arg n = jb_arg_string("d");
    jb_object *doubler = nullptr;
    ASSERT_EQ(jb_call_new(sub_ctor, &n, 1, &doubler), JB_OK);
    ASSERT_EQ(jb_call_instance_int64(find_instance("increment", "()J"), doubler, nullptr, 0, &v), JB_OK);
    EXPECT_EQ(v, 2);

    // A receiver of the wrong class is refused before Java sees it.
    jb_object *list = nullptr;
    jb_arg ab[] = {jb_arg_string("a"), jb_arg_string("b")};
    ASSERT_EQ(jb_call_static_object(find_static("listOf", "(Ljava/lang/String;Ljava/lang/String;)Ljava/util/List;"), ab, 2, &list), JB_OK);
    EXPECT_EQ(jb_call_instance_int64(find_instance("increment", "()J"), list, nullptr, 0, &v), JB_ETYPE);
    jb_arg as_counter = jb_arg_object(list);
    jb_method *size_of = find_static("sizeOf", "(Ljava/util/List;)I");
    ASSERT_EQ(jb_call_static_int32(size_of, &as_counter, 1, &i), JB_OK);
    EXPECT_EQ(i, 2);
    jb_arg wrong = jb_arg_object(counter);
    EXPECT_EQ(jb_call_static_int32(size_of, &wrong, 1, &i), JB_ETYPE) << "a Counter is not a List";

    EXPECT_EQ(jb_object_free(counter), JB_OK);
    EXPECT_EQ(jb_object_free(copy), JB_OK);
    EXPECT_EQ(jb_object_free(doubler), JB_OK);
    EXPECT_EQ(jb_object_free(list), JB_OK);
    EXPECT_EQ(jb_object_free(nullptr), JB_OK);
    EXPECT_EQ(jb_method_free(nullptr), JB_OK);
}

TEST_F(Calls, NullObjectResultIsNull) {
    jb_object *o = reinterpret_cast<jb_object *>(1);
    ASSERT_EQ(jb_call_static_object(find_static("nullString", "()Ljava/lang/String;"), nullptr, 0, &o), JB_OK);
    EXPECT_EQ(o, nullptr);
}

TEST_F(Calls, MoreThanSixteenArguments) {
    jb_method *sum = find_static("sum", "(IIIIIIIIIIIIIIIIIIII)I");
    std::vector<jb_arg> args;
    for (int k = 1; k <= 20; k++) args.push_back(jb_arg_int32(k));
    int32_t r = 0;
    ASSERT_EQ(jb_call_static_int32(sum, args.data(), args.size(), &r), JB_OK) << jb_error_message();
    EXPECT_EQ(r, 210);
    args.pop_back();
    EXPECT_EQ(jb_call_static_int32(sum, args.data(), args.size(), &r), JB_EARGS);
}

TEST_F(Calls, MismatchesAreRefusedBeforeJava) {
    jb_method *add = find_static("add", "(II)I");
    int32_t i = 0;
    int64_t l = 0;
    jb_arg one = jb_arg_int32(1);
    EXPECT_EQ(jb_call_static_int32(add, &one, 1, &i), JB_EARGS);
    EXPECT_NE(std::string(jb_error_message()).find("takes 2 arguments, 1 given"), std::string::npos) << jb_error_message();
    jb_arg mixed[] = {jb_arg_int32(1), jb_arg_int64(2)};
    EXPECT_EQ(jb_call_static_int32(add, mixed, 2, &i), JB_ETYPE);
    jb_arg strs[] = {jb_arg_string("1"), jb_arg_int32(2)};
    EXPECT_EQ(jb_call_static_int32(add, strs, 2, &i), JB_ETYPE);
    jb_arg nulls[] = {jb_arg_null(), jb_arg_int32(2)};
    EXPECT_EQ(jb_call_static_int32(add, nulls, 2, &i), JB_ETYPE) << "null is no int";
    jb_arg ok[] = {jb_arg_int32(1), jb_arg_int32(2)};
    EXPECT_EQ(jb_call_static_int64(add, ok, 2, &l), JB_OK) << "int64 result accepts int";
    EXPECT_EQ(l, 3);
    bool b;
    EXPECT_EQ(jb_call_static_bool(add, ok, 2, &b), JB_ETYPE);
    char *s = nullptr;
    EXPECT_EQ(jb_call_static_string(add, ok, 2, &s, nullptr), JB_ETYPE);
    EXPECT_EQ(jb_call_instance_int32(add, reinterpret_cast<jb_object *>(8), ok, 2, &i), JB_ETYPE)
        << "a static method called as instance";
    jb_arg bogus;
    std::memset(&bogus, 0, sizeof bogus);
    bogus.type = static_cast<jb_arg_type>(99);
    jb_arg with_bogus[] = {bogus, jb_arg_int32(1)};
    EXPECT_EQ(jb_call_static_int32(add, with_bogus, 2, &i), JB_EINVAL);

    // An Object result that is not a String.
    jb_method *not_string = find_static("notAString", "()Ljava/lang/Object;");
    EXPECT_EQ(jb_call_static_string(not_string, nullptr, 0, &s, nullptr), JB_ETYPE);

    // NULL pointers
    EXPECT_EQ(jb_call_static_int32(add, ok, 2, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_call_static_int32(add, nullptr, 2, &i), JB_EINVAL);
    EXPECT_EQ(jb_call_static_int32(nullptr, ok, 2, &i), JB_EINVAL);
    EXPECT_EQ(jb_call_instance_int64(find_instance("increment", "()J"), nullptr, nullptr, 0, &l), JB_EINVAL);
}

TEST_F(Calls, StaleAndForgedHandlesAreRefused) {
    jb_method *add = find_static("add", "(II)I");
    jb_arg ok[] = {jb_arg_int32(1), jb_arg_int32(2)};
    int32_t i = 0;
    ASSERT_EQ(jb_method_free(add), JB_OK);
    EXPECT_EQ(jb_call_static_int32(add, ok, 2, &i), JB_EHANDLE);
    EXPECT_EQ(jb_method_free(add), JB_EHANDLE) << "double free";
    int local = 0;
    jb_method *forged = reinterpret_cast<jb_method *>(&local);
    EXPECT_EQ(jb_call_static_int32(forged, ok, 2, &i), JB_EHANDLE);
    EXPECT_EQ(jb_method_free(forged), JB_EHANDLE);
    EXPECT_EQ(jb_object_free(reinterpret_cast<jb_object *>(&local)), JB_EHANDLE);
    EXPECT_EQ(jb_vm_close(reinterpret_cast<jb_vm *>(&local)), JB_EHANDLE);
    // A method handle is not an object handle, nor a jb_vm.
    jb_method *m = find_static("add", "(II)I");
    EXPECT_EQ(jb_object_free(reinterpret_cast<jb_object *>(m)), JB_EHANDLE);
    EXPECT_EQ(jb_vm_close(reinterpret_cast<jb_vm *>(m)), JB_EHANDLE);
    EXPECT_EQ(jb_call_static_int32(m, ok, 2, &i), JB_OK) << "still live after the refused frees";
    jb_arg freed_obj = jb_arg_object(reinterpret_cast<jb_object *>(m));
    jb_method *describe = find_static("describe", "(Ljava/lang/Object;)Ljava/lang/String;");
    char *s = nullptr;
    EXPECT_EQ(jb_call_static_string(describe, &freed_obj, 1, &s, nullptr), JB_EHANDLE);
}

TEST_F(Calls, LookupFailuresSayWhich) {
    jb_method *m = nullptr;
    EXPECT_EQ(jb_method_find_static("no.such.Clazz", "f", "()V", &m), JB_ECLASS);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.NoClassDefFoundError");
    EXPECT_NE(std::string(jb_error_message()).find("no/such/Clazz"), std::string::npos) << jb_error_message();
    EXPECT_EQ(jb_method_find_static(kTarget, "noSuchMethod", "()V", &m), JB_EMETHOD);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.NoSuchMethodError");
    EXPECT_EQ(jb_method_find_static(kTarget, "add", "(JJ)J", &m), JB_EMETHOD) << "wrong signature";
    EXPECT_EQ(jb_method_find_instance(kTarget, "add", "(II)I", &m), JB_EMETHOD) << "static looked up as instance";
    EXPECT_EQ(jb_method_find_static(kCounter, "increment", "()J", &m), JB_EMETHOD) << "instance looked up as static";
    EXPECT_EQ(jb_method_find_static(kTarget, "add", "(II", &m), JB_ESIGNATURE);
    EXPECT_EQ(jb_method_find_static(kTarget, "add", "(Ljava.lang.String;)I", &m), JB_ESIGNATURE);
    EXPECT_EQ(jb_method_find_constructor(kCounter, "()J", &m), JB_ESIGNATURE);
    EXPECT_EQ(jb_method_find_static(kTarget, "echo", "(Lno/Such;)Ljava/lang/String;", &m), JB_EMETHOD)
        << "JNI reports a signature naming an unknown class as no such method";
    EXPECT_EQ(jb_method_find_static("dev.javabridge.capi.CapiTarget$BrokenInit", "value", "()I", &m), JB_ECLASS);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.ExceptionInInitializerError");
    EXPECT_EQ(jb_method_find_static(kTarget, "a\xC0\x80", "()V", &m), JB_EENCODING);
    EXPECT_EQ(jb_method_find_static(nullptr, "f", "()V", &m), JB_EINVAL);
    EXPECT_EQ(jb_method_find_static(kTarget, nullptr, "()V", &m), JB_EINVAL);
    EXPECT_EQ(jb_method_find_static(kTarget, "f", nullptr, &m), JB_EINVAL);
    EXPECT_EQ(jb_method_find_static(kTarget, "add", "(II)I", nullptr), JB_EINVAL);
    EXPECT_EQ(jb_method_find_static("", "f", "()V", &m), JB_EINVAL);
    EXPECT_EQ(jb_method_find_constructor(kCounter, nullptr, &m), JB_EINVAL);
    // Still fine afterwards.
    jb_method *add = find_static("add", "(II)I");
    EXPECT_NE(add, nullptr);
}

// method.h: JB_ECLASS at lookup for an abstract class (issue 13 item 10), not JB_OK and an
// InstantiationException at call time.
TEST_F(Calls, AbstractClassHasNoConstructorToFind) {
    jb_method *ctor = nullptr;
    EXPECT_EQ(jb_method_find_constructor("dev.javabridge.capi.CapiTarget$Shape", "()V", &ctor), JB_ECLASS);
    EXPECT_EQ(ctor, nullptr);
}

// Calls with only primitive parameters and results run without a local frame: neither their
// results nor the exceptions they throw may leave a local reference behind (-Xcheck:jni would
// warn once a thread holds more than its capacity).
TEST_F(Calls, PrimitiveCallsWithoutAFrameKeepNothingEvenWhenTheyThrow) {
    jb_method *divide = find_static("divide", "(II)I");
    for (int k = 0; k < 50000; k++) {
        jb_arg args[] = {jb_arg_int32(k), jb_arg_int32(k % 5 == 0 ? 0 : 3)};
        int32_t out = -1;
        if (k % 5 == 0) {
            ASSERT_EQ(jb_call_static_int32(divide, args, 2, &out), JB_EJAVA);
            ASSERT_STREQ(jb_error_java_class(), "java.lang.ArithmeticException");
        } else {
            ASSERT_EQ(jb_call_static_int32(divide, args, 2, &out), JB_OK);
            ASSERT_EQ(out, k / 3);
        }
    }
}

// Every call has its own local frame: a long-lived thread making many calls that return
// objects and strings does not accumulate local references (-Xcheck:jni would warn) or leak.
TEST_F(Calls, ManyCallsOnOneThreadKeepNothing) {
    jb_method *echo = find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;");
    jb_method *copy = find_instance("copy", "()Ldev/javabridge/capi/CapiTarget$Counter;");
    jb_method *ctor = nullptr;
    ASSERT_EQ(jb_method_find_constructor(kCounter, "()V", &ctor), JB_OK);
    jb_object *counter = nullptr;
    ASSERT_EQ(jb_call_new(ctor, nullptr, 0, &counter), JB_OK);
    for (int k = 0; k < 100000; k++) {
        int rc = 0;
        ASSERT_EQ(call_string(echo, "x", &rc), "x");
        jb_object *c = nullptr;
        ASSERT_EQ(jb_call_instance_object(copy, counter, nullptr, 0, &c), JB_OK);
        ASSERT_EQ(jb_object_free(c), JB_OK);
    }
}
