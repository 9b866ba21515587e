// The C API's copies and callbacks next to raw JNI doing the same by hand, in one process and
// one run. Every build runs them briefly (both paths must run and give the same results, so the
// measurement cannot rot or be skipped unseen); JB_MEASURE=1 measures at full length. They assert
// nothing about speed; each prints one line per row with both times and their ratio.
#include "capi_fixture.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <jni.h>
#include <time.h>

#include <utility>

using namespace jbtest;

namespace {
using Clock = std::chrono::steady_clock;

bool full_length() { return std::getenv("JB_MEASURE") != nullptr; }

// The calling thread's CPU time: a thread descheduled on a loaded machine does not count.
double thread_ns() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
}

// Best per-repetition time of each body, the two sampled alternately (ABAB...) so that a change
// in the machine's load hits both alike.
template <typename A, typename B> std::pair<double, double> best_pair(A &&a, B &&b, int reps, int samples = 15) {
    double best_a = 1e300, best_b = 1e300;
    for (int s = 0; s < samples; s++) {
        double t0 = thread_ns();
        for (int k = 0; k < reps; k++) a();
        double t1 = thread_ns();
        for (int k = 0; k < reps; k++) b();
        double t2 = thread_ns();
        best_a = std::min(best_a, (t1 - t0) / reps);
        best_b = std::min(best_b, (t2 - t1) / reps);
    }
    return {best_a, best_b};
}

jb_vm *open_plain() {
    // No -Xcheck:jni: it slows every JNI call and would hide the difference.
    const char *cp[] = {test_classes()};
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.class_path = cp;
    o.class_path_count = 1;
    jb_vm *vm = nullptr;
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_OK) << jb_error_message();
    return vm;
}

JNIEnv *raw_env() {
    JNIEnv *env = nullptr;
    JavaVM *jvm = raw_jvm();
    EXPECT_NE(jvm, nullptr);
    EXPECT_EQ(jvm->GetEnv(reinterpret_cast<void **>(&env), JNI_VERSION_1_8), JNI_OK);
    return env;
}

jint JNICALL raw_add(JNIEnv *, jclass, jint a, jint b) { return a + b; }

// The result by address (jb_proxy_call_set_result) ...
int proxy_add(jb_proxy_call *call, void *) {
    jb_arg a, b;
    if (jb_proxy_call_arg(call, 0, &a) != JB_OK || jb_proxy_call_arg(call, 1, &b) != JB_OK) return JB_PROXY_UNHANDLED;
    jb_arg r = jb_arg_int32(a.u.i32 + b.u.i32);
    return jb_proxy_call_set_result(call, &r);
}
// ... and by value (jb_proxy_call_return).
int proxy_add_by_value(jb_proxy_call *call, void *) {
    jb_arg a, b;
    if (jb_proxy_call_arg(call, 0, &a) != JB_OK || jb_proxy_call_arg(call, 1, &b) != JB_OK) return JB_PROXY_UNHANDLED;
    return jb_proxy_call_return(call, jb_arg_int32(a.u.i32 + b.u.i32));
}
// The result by address (jb_native_call_set_result), as natives.h advises for a hot path ...
int host_add(jb_native_call *call, const jb_arg *args, size_t, void *) {
    jb_arg r = jb_arg_int32(args[0].u.i32 + args[1].u.i32);
    return jb_native_call_set_result(call, &r);
}
// ... and by value (jb_native_call_return), which copies the jb_arg through the stack.
int host_add_by_value(jb_native_call *call, const jb_arg *args, size_t, void *) {
    return jb_native_call_return(call, jb_arg_int32(args[0].u.i32 + args[1].u.i32));
}
}  // namespace

// An int[] copied into Java and back: jb_call_static_array with a jb_arg_int32_array against
// NewIntArray + SetIntArrayRegion, the call, GetIntArrayRegion into a malloc'ed buffer by hand.
TEST(MeasureCapi, ArrayCopyAgainstArrayRegionByHand) {
    jb_vm *vm = open_plain();
    jb_method *echo = find_static("echo", "([I)[I", "dev.javabridge.capi.CapiBench");
    JNIEnv *env = raw_env();
    jclass cls = env->FindClass("dev/javabridge/capi/CapiBench");
    jmethodID echo_id = env->GetStaticMethodID(cls, "echo", "([I)[I");
    for (size_t bytes : {size_t(64) << 10, size_t(1) << 20}) {
        size_t n = bytes / sizeof(int32_t);
        std::vector<int32_t> data(n);
        for (size_t i = 0; i < n; i++) data[i] = static_cast<int32_t>(i * 2654435761u);
        int64_t sink = 0;
        int reps = !full_length() ? 2 : bytes < (1u << 20) ? 200 : 15;
        auto [api, raw] = best_pair([&] {
            jb_arg a = jb_arg_int32_array(data.data(), n);
            void *out = nullptr;
            size_t count = 0;
            if (jb_call_static_array(echo, &a, 1, JB_ELEM_INT32, &out, &count) == JB_OK) sink += static_cast<int32_t *>(out)[count - 1];
            jb_array_free(out);
        }, [&] {
            jintArray in = env->NewIntArray(static_cast<jsize>(n));
            env->SetIntArrayRegion(in, 0, static_cast<jsize>(n), data.data());
            auto back = static_cast<jintArray>(env->CallStaticObjectMethod(cls, echo_id, in));
            if (env->ExceptionCheck()) return;
            jsize len = env->GetArrayLength(back);
            auto *out = static_cast<int32_t *>(std::malloc(static_cast<size_t>(len) * sizeof(int32_t)));
            env->GetIntArrayRegion(back, 0, len, out);
            sink += out[len - 1];
            std::free(out);
            env->DeleteLocalRef(back);
            env->DeleteLocalRef(in);
        }, reps, full_length() ? 15 : 2);
        std::printf("int[] of %zu KiB in and out: jb_ %.0f ns, raw JNI %.0f ns, speed jb_/raw %.2f (target >= 0.90)\n",
                    bytes >> 10, api, raw, raw / api);
        EXPECT_NE(sink, 0);
        EXPECT_GT(api, 0.0);
        EXPECT_GT(raw, 0.0);
    }
    env->DeleteLocalRef(cls);
    jb_method_free(echo);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}

// Java calling C: an IntBinaryOperator implemented in C (jb_proxy_new) against a static native
// bound with raw RegisterNatives, both called in a Java loop.
TEST(MeasureCapi, ProxyCallbackAgainstRegisterNatives) {
    jb_vm *vm = open_plain();
    JNIEnv *env = raw_env();
    jclass cls = env->FindClass("dev/javabridge/capi/CapiBench");
    JNINativeMethod m = {const_cast<char *>("rawAdd"), const_cast<char *>("(II)I"), reinterpret_cast<void *>(raw_add)};
    ASSERT_EQ(env->RegisterNatives(cls, &m, 1), 0);
    env->DeleteLocalRef(cls);
    const char *op_name = "java.util.function.IntBinaryOperator";
    jb_method *loop_native = find_static("loopNative", "(I)J", "dev.javabridge.capi.CapiBench");
    jb_method *loop_op = find_static("loopOperator", "(Ljava/util/function/IntBinaryOperator;I)J", "dev.javabridge.capi.CapiBench");
    const int kCalls = full_length() ? 100000 : 2000;
    int64_t expect = 0;
    for (int i = 0; i < kCalls; i++) expect += i + 1;
    for (jb_proxy_fn fn : {proxy_add, proxy_add_by_value}) {
        jb_proxy *proxy = nullptr;
        jb_object *op = nullptr;
        ASSERT_EQ(jb_proxy_new(&op_name, 1, fn, nullptr, &proxy, &op), JB_OK) << jb_error_message();
        int64_t r1 = 0, r2 = 0;
        auto [native_total, proxy_total] = best_pair([&] {
            jb_arg n = jb_arg_int32(kCalls);
            jb_call_static_int64(loop_native, &n, 1, &r1);
        }, [&] {
            jb_arg a[] = {jb_arg_object(op), jb_arg_int32(kCalls)};
            jb_call_static_int64(loop_op, a, 2, &r2);
        }, 1, full_length() ? 9 : 2);
        double native_ns = native_total / kCalls, proxy_ns = proxy_total / kCalls;
        EXPECT_EQ(r1, expect);
        EXPECT_EQ(r2, expect);
        std::printf("Java calls C: jb_proxy IntBinaryOperator (result %s) %.1f ns/call, raw RegisterNatives %.1f ns/call, "
                    "ratio %.2f (target <= 1.50)\n",
                    fn == proxy_add ? "by address" : "by value", proxy_ns, native_ns, proxy_ns / native_ns);
        jb_object_free(op);
        jb_proxy_free(proxy);
    }
    jb_method_free(loop_native);
    jb_method_free(loop_op);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}

// Java calling C: a static native bound with jb_register_natives (plain C values, a C error
// becomes an exception) against the same native bound with raw RegisterNatives.
TEST(MeasureCapi, HostNativeAgainstRegisterNatives) {
    jb_vm *vm = open_plain();
    JNIEnv *env = raw_env();
    jclass cls = env->FindClass("dev/javabridge/capi/CapiBench");
    JNINativeMethod m = {const_cast<char *>("rawAdd"), const_cast<char *>("(II)I"), reinterpret_cast<void *>(raw_add)};
    ASSERT_EQ(env->RegisterNatives(cls, &m, 1), 0);
    env->DeleteLocalRef(cls);
    jb_method *system = find_static("getSystemClassLoader", "()Ljava/lang/ClassLoader;", "java.lang.ClassLoader");
    jb_method *for_name = find_static("forName", "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;", "java.lang.Class");
    jb_object *loader = nullptr, *bench = nullptr;
    ASSERT_EQ(jb_call_static_object(system, nullptr, 0, &loader), JB_OK) << jb_error_message();
    jb_arg fa[] = {jb_arg_string("dev.javabridge.capi.CapiBench"), jb_arg_bool(true), jb_arg_object(loader)};
    ASSERT_EQ(jb_call_static_object(for_name, fa, 3, &bench), JB_OK) << jb_error_message();
    jb_object_free(loader);
    jb_method_free(system);
    jb_method *loop_native = find_static("loopNative", "(I)J", "dev.javabridge.capi.CapiBench");
    jb_method *loop_host = find_static("loopHost", "(I)J", "dev.javabridge.capi.CapiBench");
    const int kCalls = full_length() ? 1000000 : 2000;
    int64_t expect = 0;
    for (int i = 0; i < kCalls; i++) expect += i + 1;
    for (jb_native_fn fn : {host_add, host_add_by_value}) {
        jb_native_method hm[] = {{"hostAdd", "(II)I", fn, nullptr}};
        ASSERT_EQ(jb_register_natives(bench, hm, 1), JB_OK) << jb_error_message();
        int64_t r1 = 0, r2 = 0;
        auto [native_total, host_total] = best_pair([&] {
            jb_arg n = jb_arg_int32(kCalls);
            jb_call_static_int64(loop_native, &n, 1, &r1);
        }, [&] {
            jb_arg n = jb_arg_int32(kCalls);
            jb_call_static_int64(loop_host, &n, 1, &r2);
        }, 1, full_length() ? 15 : 2);
        double native_ns = native_total / kCalls, host_ns = host_total / kCalls;
        EXPECT_EQ(r1, expect);
        EXPECT_EQ(r2, expect);
        std::printf("Java calls C: jb_register_natives (result %s) %.1f ns/call, raw RegisterNatives %.1f ns/call, ratio %.2f (target <= 1.50)\n",
                    fn == host_add ? "by address" : "by value", host_ns, native_ns, host_ns / native_ns);
    }
    jb_method_free(loop_native);
    jb_method_free(loop_host);
    jb_method_free(for_name);
    EXPECT_EQ(jb_unregister_natives(bench), JB_OK);
    jb_object_free(bench);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}
