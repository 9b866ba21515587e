// Which path the generated functions take (issue 17): a static method with a primitive signature
// goes through its FFM upcall stub where the JVM makes one without a warning (JDK 22+, native
// access enabled), through jb_call_* otherwise, with the same results and the same errors.
#include <atomic>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <javabridge/cexport.h>

#include "export_fixture.h"

using jbexport::Exports;

namespace {

int java_feature() {
    jb_method *m = nullptr;
    EXPECT_JB_OK(jb_method_find_static("java.lang.Runtime", "version", "()Ljava/lang/Runtime$Version;", &m));
    jb_object *v = nullptr;
    EXPECT_JB_OK(jb_call_static_object(m, nullptr, 0, &v));
    jb_method *feature = nullptr;
    EXPECT_JB_OK(jb_method_find_instance("java.lang.Runtime$Version", "feature", "()I", &feature));
    int32_t f = 0;
    EXPECT_JB_OK(jb_call_instance_int32(feature, v, nullptr, 0, &f));
    jb_object_free(v);
    jb_method_free(feature);
    jb_method_free(m);
    return f;
}

int32_t frames_below() {
    int32_t n = -1;
    EXPECT_JB_OK(xt_frames_below(&n));
    return n;
}

// What the JNI path reports for failWith(code): the same method called with jb_call_*.
std::string jni_failure(int32_t code) {
    jb_method *m = nullptr;
    EXPECT_JB_OK(jb_method_find_static("dev.javabridge.exporttest.ExportTarget", "failWith", "(I)I", &m));
    jb_arg a[] = {jb_arg_int32(code)};
    int32_t r = 0;
    EXPECT_EQ(jb_call_static_int32(m, a, 1, &r), JB_EJAVA);
    std::string msg = jb_error_message();
    jb_method_free(m);
    return msg;
}

}  // namespace

TEST_F(Exports, PrimitiveSignaturesTakeTheFfmPathOnJdk22AndTheJniPathBefore) {
    int feature = java_feature();
    int32_t below = frames_below();
    if (feature >= 22) {
        EXPECT_GT(below, 0) << "JDK " << feature << ": the call did not come through an upcall stub";
    } else {
        EXPECT_EQ(below, 0) << "JDK " << feature << ": a JNI call from C has no Java frame below the method";
    }
    EXPECT_EQ(frames_below(), below);  // decided once: the same path on every call
    int32_t sum = 0;
    EXPECT_JB_OK(xt_add_ints(INT32_MAX, 1, &sum));
    EXPECT_EQ(sum, INT32_MIN);
}

TEST_F(Exports, ReferenceSignaturesTakeTheJniPathOnEveryJdk) {
    // describe returns a String: no stub can carry it, so jb_call_* runs it (and its result is right).
    char *s = nullptr;
    size_t len = 0;
    EXPECT_JB_OK(xt_describe(-1, -2, 65, 4, 5, 6.5f, 7.25, true, &s, &len));
    EXPECT_STREQ(s, "-1 -2 65 4 5 6.5 7.25 true");
    xt_free_string(s);
}

TEST_F(Exports, ExceptionsOnEitherPathGiveTheSameError) {
    int32_t out = 777;
    EXPECT_EQ(xt_fail_with(42, &out), JB_EJAVA);
    EXPECT_EQ(out, 777);  // out-parameters are written only on JB_OK
    EXPECT_EQ(jb_error_code(), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.IllegalStateException");
    EXPECT_STREQ(jb_error_java_message(), "code 42");
    const char *trace = jb_error_java_stack_trace();
    EXPECT_TRUE(trace != nullptr && std::strstr(trace, "ExportTarget.failWith") != nullptr) << (trace ? trace : "");
    std::string generated = jb_error_message();
    EXPECT_EQ(generated, jni_failure(42));  // word for word what jb_call_* says
    // The raw pointers' flag (upcall.h) is not the generated functions' business: left as it was.
    EXPECT_EQ(jb_upcall_check(), JB_OK);
    EXPECT_JB_OK(xt_add_ints(2, 3, &out));  // the thread carries on
    EXPECT_EQ(out, 5);
}

TEST_F(Exports, ThreadsNobodyAttachedCallEitherPath) {
    // Short-lived threads: the first call attaches each (as jb_call_* does), its exit detaches it.
    int32_t below = frames_below();
    std::atomic<int> bad{0};
    for (int round = 0; round < 25; round++) {
        std::vector<std::thread> ts;
        for (int k = 0; k < 8; k++) {
            ts.emplace_back([&, round, k] {
                int32_t r = 0, f = -1, out = 9;
                if (xt_add_ints(round, k, &r) != JB_OK || r != round + k) bad++;
                if (xt_frames_below(&f) != JB_OK || f != below) bad++;
                if (xt_fail_with(k, &out) != JB_EJAVA || out != 9 ||
                    std::strcmp(jb_error_java_message(), ("code " + std::to_string(k)).c_str()) != 0) {
                    bad++;
                }
            });
        }
        for (auto &t : ts) t.join();
    }
    EXPECT_EQ(bad.load(), 0);
}

TEST(ExportsWithoutJvm, WithoutNativeAccessTheJniPathKeepsTheJdkQuiet) {
    // The JDK warns on stderr when a stub is made without native access enabled: the generated
    // code then takes the JNI path, so a program prints nothing it did not print before.
    jb_vm *vm = jbexport::open_vm(true, jbexport::target_classes(), false);
    ASSERT_NE(vm, nullptr);
    EXPECT_EQ(frames_below(), 0);
    int32_t out = 0;
    EXPECT_EQ(xt_fail_with(7, &out), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_message(), "code 7");
    EXPECT_JB_OK(jb_vm_close(vm));
}

TEST(ExportsWithoutJvm, FfmPathSurvivesCloseAndReopen) {
    // The stub belongs to the site's handle: after the last close the handle is stale and its stub
    // refuses; the next open's first call looks the method up again and makes a new stub.
    jb_vm *vm = jbexport::open_vm(false);
    ASSERT_NE(vm, nullptr);
    int32_t below = frames_below();
    EXPECT_JB_OK(jb_vm_close(vm));
    int32_t out = 0;
    EXPECT_EQ(xt_add_ints(1, 2, &out), JB_ENOT_OPEN);
    EXPECT_EQ(xt_frames_below(&out), JB_ENOT_OPEN);
    jb_vm_options join = JB_VM_OPTIONS_INIT;
    join.mode = JB_VM_JOIN;
    join.destroy_on_close = false;
    ASSERT_EQ(jb_vm_open(&join, &vm), JB_OK) << jb_error_message();
    EXPECT_EQ(frames_below(), below);  // the same path as before
    EXPECT_JB_OK(xt_add_ints(20, 22, &out));
    EXPECT_EQ(out, 42);
    EXPECT_JB_OK(jb_vm_close(vm));
}

TEST(ExportsWithoutJvm, AfterTheJvmIsDestroyedCallsAreRefusedNotRun) {
    jb_vm *vm = jbexport::open_vm(true);
    ASSERT_NE(vm, nullptr);
    int32_t out = 0;
    EXPECT_JB_OK(xt_add_ints(1, 2, &out));
    EXPECT_JB_OK(jb_vm_close(vm));
    EXPECT_EQ(xt_add_ints(1, 2, &out), JB_EVM_DESTROYED);
}

TEST_F(Exports, RuntimeUpcallCallsRefuseBadArguments) {
    jb_upcall_fn fn = nullptr;
    int how = 0;
    static jb_cexport_upcall_site site =
        JB_CEXPORT_UPCALL_SITE("dev.javabridge.exporttest.ExportTarget", "addInts", "(II)I");
    EXPECT_EQ(jb_cexport_upcall_begin(nullptr, &fn, &how), JB_EINVAL);
    EXPECT_EQ(jb_cexport_upcall_begin(&site, nullptr, &how), JB_EINVAL);
    EXPECT_EQ(jb_cexport_upcall_begin(&site, &fn, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_cexport_upcall_end(0), JB_EINVAL);       // not a value begin stores
    EXPECT_EQ(jb_cexport_upcall_end(0x6a01), JB_EINVAL);  // nothing begun on this thread

    ASSERT_EQ(jb_cexport_upcall_begin(&site, &fn, &how), JB_OK) << jb_error_message();
    if (fn != nullptr) {
        EXPECT_EQ(reinterpret_cast<int32_t (*)(int32_t, int32_t)>(fn)(40, 2), 42);
        EXPECT_EQ(jb_cexport_upcall_end(how), JB_OK);
        EXPECT_EQ(jb_cexport_upcall_end(how), JB_EINVAL);  // ended once
    }
    EXPECT_EQ(fn != nullptr, java_feature() >= 22);
}

// The typed entry point the generated functions call (issue 17): C values, no jb_arg.
TEST_F(Exports, TypedCallsTakeTheSitesSignatureAndRefuseBadArguments) {
    static jb_cexport_upcall_site site = JB_CEXPORT_UPCALL_SITE("dev.javabridge.exporttest.ExportTarget", "addInts", "(II)I");
    jb_cexport_value args[2];
    args[0].i = 40;
    args[1].i = 2;
    jb_cexport_value r;
    r.j = -1;
    jb_upcall_fn fn = nullptr;
    int how = 0;
    EXPECT_EQ(jb_cexport_call_static(nullptr, args, 2, &r, nullptr, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_cexport_call_static(&site, args, 2, nullptr, nullptr, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_cexport_call_static(&site, nullptr, 2, &r, nullptr, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_cexport_call_static(&site, args, 2, &r, &fn, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_cexport_call_static(&site, args, 2, &r, nullptr, &how), JB_EINVAL);
    EXPECT_EQ(r.j, -1) << "nothing written on a refusal";
    for (int i = 0; i < 3; i++) {  // the first looks up and attaches; the others take the fast path
        r.j = 0;
        ASSERT_EQ(jb_cexport_call_static(&site, args, 2, &r, nullptr, nullptr), JB_OK) << jb_error_message();
        EXPECT_EQ(r.i, 42);
    }
    // With fn and how: the site's own path, decided on this first call as jb_cexport_upcall_begin decides.
    for (int i = 0; i < 3; i++) {
        r.j = 0;
        int rc = jb_cexport_call_static(&site, args, 2, &r, &fn, &how);
        if (java_feature() >= 22) {
            ASSERT_EQ(rc, JB_CEXPORT_TAKE_FFM) << jb_error_message();
            ASSERT_NE(fn, nullptr);
            EXPECT_EQ(reinterpret_cast<int32_t (*)(int32_t, int32_t)>(fn)(40, 2), 42);
            EXPECT_EQ(jb_cexport_upcall_end(how), JB_OK);
        } else {
            ASSERT_EQ(rc, JB_OK) << jb_error_message();
            EXPECT_EQ(r.i, 42);
        }
    }
    EXPECT_EQ(jb_cexport_call_static(&site, args, 1, &r, nullptr, nullptr), JB_EINVAL);
    EXPECT_NE(std::string(jb_error_message()).find("which takes 2"), std::string::npos) << jb_error_message();
    EXPECT_EQ(jb_cexport_call_static(&site, args, 9, &r, nullptr, nullptr), JB_EINVAL);
    static jb_cexport_upcall_site reference =
        JB_CEXPORT_UPCALL_SITE("dev.javabridge.exporttest.ExportTarget", "echo", "(Ljava/lang/String;)Ljava/lang/String;");
    EXPECT_EQ(jb_cexport_call_static(&reference, args, 1, &r, nullptr, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_cexport_call_static(&reference, args, 1, &r, &fn, &how), JB_EINVAL) << "no stub, then no JNI either";
    static jb_cexport_upcall_site missing = JB_CEXPORT_UPCALL_SITE("dev.javabridge.exporttest.ExportTarget", "nope", "(I)I");
    EXPECT_EQ(jb_cexport_call_static(&missing, args, 1, &r, nullptr, nullptr), JB_EMETHOD);

    // Exceptions become JB_EJAVA with the same last error as jb_call_*, on the fast path too.
    static jb_cexport_upcall_site fail = JB_CEXPORT_UPCALL_SITE("dev.javabridge.exporttest.ExportTarget", "failWith", "(I)I");
    jb_cexport_value code[1];
    code[0].i = 7;
    std::string expected = jni_failure(7);
    for (int i = 0; i < 2; i++) {
        EXPECT_EQ(jb_cexport_call_static(&fail, code, 1, &r, nullptr, nullptr), JB_EJAVA);
        EXPECT_EQ(jb_error_message(), expected);
    }
}
