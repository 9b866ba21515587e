// Cost of a call through the C API next to the same call through raw JNI, on one attached
// thread. Every run measures briefly (so that it cannot rot unseen, a skip CI would refuse) and
// checks only that both paths ran and gave a time; JB_MEASURE=1 measures at full length. Speed
// itself is not asserted: a loaded machine would make such a bound flaky.
#include "capi_fixture.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <jni.h>

using namespace jbtest;

TEST(Measure, CallOverheadAgainstRawJni) {
    // No -Xcheck:jni here: it slows every JNI call and would hide the difference.
    const char *cp[] = {test_classes()};
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.class_path = cp;
    o.class_path_count = 1;
    jb_vm *vm = nullptr;
    ASSERT_EQ(jb_vm_open(&o, &vm), JB_OK) << jb_error_message();
    jb_method *add = find_static("add", "(II)I");
    jb_method *echo = find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;");
    using created_fn = jint (*)(JavaVM **, jsize, jsize *);
    auto created = reinterpret_cast<created_fn>(dlsym(RTLD_DEFAULT, "JNI_GetCreatedJavaVMs"));
    JavaVM *jvm = nullptr;
    jsize n = 0;
    ASSERT_EQ(created(&jvm, 1, &n), JNI_OK);
    JNIEnv *env = nullptr;
    ASSERT_EQ(jvm->GetEnv(reinterpret_cast<void **>(&env), JNI_VERSION_1_8), JNI_OK);
    jclass cls = env->FindClass("dev/javabridge/capi/CapiTarget");
    jmethodID add_id = env->GetStaticMethodID(cls, "add", "(II)I");
    jmethodID echo_id = env->GetStaticMethodID(cls, "echo", "(Ljava/lang/String;)Ljava/lang/String;");
    const int kCalls = std::getenv("JB_MEASURE") != nullptr ? 300000 : 20000;
    auto time = [](auto &&body, int calls) {
        auto start = std::chrono::steady_clock::now();
        for (int k = 0; k < calls; k++) body(k);
        return std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() / calls;
    };
    for (int warm = 0; warm < 2; warm++) {
        int64_t sink = 0;
        int failed = 0;
        double api = time([&](int k) {
            jb_arg two[] = {jb_arg_int32(k), jb_arg_int32(1)};
            int32_t r = 0;
            failed += jb_call_static_int32(add, two, 2, &r) != JB_OK;
            sink += r;
        }, kCalls);
        double raw = time([&](int k) {
            jvalue v[2];
            v[0].i = k;
            v[1].i = 1;
            sink += env->CallStaticIntMethodA(cls, add_id, v);
        }, kCalls);
        double api_s = time([&](int) {
            char *out = nullptr;
            size_t len = 0;
            jb_arg a = jb_arg_string("hello, world \xF0\x9F\x8C\x8D");
            failed += jb_call_static_string(echo, &a, 1, &out, &len) != JB_OK;
            sink += static_cast<int64_t>(len);
            jb_string_free(out);
        }, kCalls / 10);
        double raw_s = time([&](int) {
            // The closest raw equivalent: modified UTF-8 in and out (wrong for emoji, but the usual shortcut).
            jstring in = env->NewStringUTF("hello, world");
            auto s = static_cast<jstring>(env->CallStaticObjectMethod(cls, echo_id, in));
            const char *c = env->GetStringUTFChars(s, nullptr);
            sink += static_cast<int64_t>(std::strlen(c));
            env->ReleaseStringUTFChars(s, c);
            env->DeleteLocalRef(s);
            env->DeleteLocalRef(in);
        }, kCalls / 10);
        for (double ns : {api, raw, api_s, raw_s}) {
            EXPECT_TRUE(std::isfinite(ns) && ns > 0) << ns;
        }
        if (warm == 1) {
            std::printf("int add(int,int): jb_ %.1f ns/call, raw JNI %.1f ns/call, ratio %.2f\n", api, raw, api / raw);
            std::printf("String echo(String): jb_ %.1f ns/call, raw JNI %.1f ns/call, ratio %.2f\n", api_s, raw_s, api_s / raw_s);
        }
        EXPECT_NE(sink, 0);
        EXPECT_EQ(failed, 0) << jb_error_message();
    }
    env->DeleteLocalRef(cls);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}
