// One long-lived thread makes 300,000 calls that return objects, freeing each: the live heap
// after a full GC stays where it was (no leaked global reference keeps anything alive).
#include "stress_fixture.h"

#include <cstdlib>

using namespace jbtest;
using namespace jbstress;

TEST(StressHeap, ThreeHundredThousandObjectResultsLeaveTheLiveHeapFlat) {
    const char *env = std::getenv("JB_STRESS_OBJECT_CALLS");
    const int kCalls = env != nullptr ? std::atoi(env) : 300000;
    jb_vm *vm = open_vm();
    ASSERT_NE(vm, nullptr);
    jb_method *payload = find_static("newPayload", "(I)Ljava/lang/Object;", kStress);
    jb_method *copy = find_instance("copy", "()Ldev/javabridge/capi/CapiTarget$Counter;");
    jb_method *ctor = nullptr;
    ASSERT_EQ(jb_method_find_constructor(kCounter, "(Ljava/lang/String;J)V", &ctor), JB_OK);
    jb_arg cargs[] = {jb_arg_string("c"), jb_arg_int64(7)};
    jb_object *counter = nullptr;
    ASSERT_EQ(jb_call_new(ctor, cargs, 2, &counter), JB_OK);

    // Warm up (class loading, JIT) before the baseline.
    for (int i = 0; i < 10000; i++) {
        jb_arg a = jb_arg_int32(i);
        jb_object *o = nullptr;
        ASSERT_EQ(jb_call_static_object(payload, &a, 1, &o), JB_OK);
        jb_object_free(o);
    }
    static_int("jniGlobalRefs");
    const int32_t refs0 = static_int("jniGlobalRefs");
    // -1 when Thread.print has no count: then refs1 == refs0 below would compare -1 with -1.
    ASSERT_GT(refs0, 0) << "this JVM's Thread.print reports no JNI global reference count";
    const int64_t before = used_heap_after_gc();
    ASSERT_GT(before, 0);

    long failures = 0;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kCalls; i++) {
        jb_object *o = nullptr;
        int rc;
        if (i % 2 == 0) {
            jb_arg a = jb_arg_int32(i);
            rc = jb_call_static_object(payload, &a, 1, &o);
        } else {
            rc = jb_call_instance_object(copy, counter, nullptr, 0, &o);
        }
        if (rc != JB_OK || o == nullptr || jb_object_free(o) != JB_OK) failures++;
    }
    double secs = seconds_since(start);
    const int64_t after = used_heap_after_gc();
    const int32_t refs1 = static_int("jniGlobalRefs");
    const double growth_mib = static_cast<double>(after - before) / (1 << 20);
    JB_STRESS_FIGURE("%d object calls in %.2f s (%.2f us/call); live heap after GC %.2f -> %.2f MiB (%+.3f MiB); "
                     "global refs %d -> %d",
                     kCalls, secs, secs * 1e6 / kCalls, before / 1048576.0, after / 1048576.0, growth_mib, refs0, refs1);
    EXPECT_EQ(failures, 0);
    EXPECT_LT(after - before, int64_t{8} << 20);
    EXPECT_EQ(refs1, refs0);
    jb_object_free(counter);
    jb_method_free(ctor);
    jb_method_free(copy);
    jb_method_free(payload);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}
