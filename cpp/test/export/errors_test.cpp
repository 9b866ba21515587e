// Failures through the generated functions: Java exceptions become codes, bad C arguments are
// refused before Java runs, and the caller can carry on after each.
#include <atomic>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <javabridge/cexport.h>

#include "export_fixture.h"

using jbexport::Exports;

namespace {
std::string message() { return jb_error_message(); }
bool contains(const char *haystack, const char *needle) {
    return haystack != nullptr && std::strstr(haystack, needle) != nullptr;
}
}  // namespace

TEST_F(Exports, RuntimeExceptionIsJavaCodeWithDetails) {
    int32_t out = 12345;
    // "boom ✓": the exception's message crosses back as UTF-8 too
    EXPECT_EQ(xt_fail("boom \xE2\x9C\x93", &out), JB_EJAVA);
    EXPECT_EQ(out, 12345);  // out-parameters are written only on JB_OK
    EXPECT_EQ(jb_error_code(), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.IllegalStateException");
    EXPECT_STREQ(jb_error_java_message(), "boom \xE2\x9C\x93");
    EXPECT_TRUE(contains(jb_error_java_stack_trace(), "ExportTarget.fail")) << jb_error_java_stack_trace();
    EXPECT_JB_OK(xt_add_ints(1, 2, &out));  // the JVM and this thread carry on
    EXPECT_EQ(out, 3);
}

TEST_F(Exports, CheckedExceptionIsJavaCode) {
    EXPECT_EQ(xt_fail_checked(), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.io.IOException");
    EXPECT_STREQ(jb_error_java_message(), "checked \xE2\x9C\x94");
}

TEST_F(Exports, ErrorIsJavaCodeNotACrash) {
    uint8_t *out = nullptr;
    size_t len = 0;
    EXPECT_EQ(xt_fail_error(&out, &len), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.OutOfMemoryError");
    EXPECT_EQ(out, nullptr);
    int32_t n = 0;
    EXPECT_JB_OK(xt_add_ints(2, 2, &n));
}

TEST_F(Exports, NullOutParametersAreRefusedWithTheFunctionsName) {
    EXPECT_EQ(xt_add_ints(1, 2, nullptr), JB_EINVAL);
    EXPECT_TRUE(contains(jb_error_message(), "xt_add_ints")) << message();
    EXPECT_TRUE(contains(jb_error_message(), "out")) << message();
    EXPECT_EQ(xt_invert(true, nullptr), JB_EINVAL);
    EXPECT_EQ(xt_half_float(1, nullptr), JB_EINVAL);
    size_t len = 0;
    EXPECT_EQ(xt_echo("x", nullptr, &len), JB_EINVAL);
    EXPECT_TRUE(contains(jb_error_message(), "xt_echo")) << message();
    uint8_t *bytes = nullptr;
    const uint8_t one[] = {1};
    EXPECT_EQ(xt_reverse(one, 1, nullptr, &len), JB_EINVAL);
    EXPECT_EQ(xt_reverse(one, 1, &bytes, nullptr), JB_EINVAL);
    EXPECT_TRUE(contains(jb_error_message(), "out_len")) << message();
    EXPECT_EQ(xt_swap(xt_pair{1, 2}, nullptr), JB_EINVAL);
    EXPECT_EQ(xt_bump(xt_sample{}, nullptr), JB_EINVAL);
    EXPECT_EQ(xt_describe(0, 0, 0, 0, 0, 0, 0, false, nullptr, nullptr), JB_EINVAL);
}

TEST_F(Exports, NullDataWithALengthIsRefused) {
    int32_t n = 77;
    EXPECT_EQ(xt_length_of(nullptr, 5, &n), JB_EINVAL);
    EXPECT_TRUE(contains(jb_error_message(), "xt_length_of: data is NULL")) << message();
    EXPECT_EQ(n, 77);
}

TEST_F(Exports, RefusedArgumentsDoNotRunJava) {
    EXPECT_JB_OK(xt_set_counter(1));
    int32_t n = 0;
    EXPECT_EQ(xt_get_counter(nullptr), JB_EINVAL);
    EXPECT_JB_OK(xt_get_counter(&n));
    EXPECT_EQ(n, 1);
}

TEST_F(Exports, ManyThreadsShareTheFirstLookup) {
    // Every thread's first call races on the cached lookups; all must succeed with the right values.
    constexpr int kThreads = 8, kCalls = 200;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
        threads.emplace_back([t, &failures] {
            for (int i = 0; i < kCalls; i++) {
                int32_t sum = 0;
                xt_pair swapped = {0, 0};
                if (xt_add_ints(t, i, &sum) != JB_OK || sum != t + i) failures++;
                if (xt_swap(xt_pair{t, i}, &swapped) != JB_OK || swapped.left != i || swapped.right != t) failures++;
            }
            jb_vm_detach_current_thread();
        });
    }
    for (auto &th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
}

TEST(ExportsWithoutJvm, CallBeforeOpenIsNotOpen) {
    int32_t out = 0;
    EXPECT_EQ(xt_add_ints(1, 2, &out), JB_ENOT_OPEN);
    EXPECT_EQ(jb_error_code(), JB_ENOT_OPEN);
}

TEST(ExportsWithoutJvm, ClassMissingFromClassPathIsClassError) {
    jb_vm *vm = jbexport::open_vm(true, "/nonexistent-javabridge-class-path");
    ASSERT_NE(vm, nullptr);
    int32_t out = 0;
    EXPECT_EQ(xt_add_ints(1, 2, &out), JB_ECLASS);
    EXPECT_TRUE(contains(jb_error_message(), "ExportTarget")) << message();
    EXPECT_JB_OK(jb_vm_close(vm));
}

TEST(ExportsWithoutJvm, CachedLookupsSurviveCloseAndReopen) {
    // Closing the last reference invalidates every handle; the generated code looks up again.
    jb_vm *vm = jbexport::open_vm(false);
    ASSERT_NE(vm, nullptr);
    int32_t out = 0;
    xt_pair swapped = {0, 0};
    EXPECT_JB_OK(xt_add_ints(1, 2, &out));
    EXPECT_JB_OK(xt_swap(xt_pair{1, 2}, &swapped));
    EXPECT_JB_OK(jb_vm_close(vm));
    EXPECT_EQ(xt_add_ints(1, 2, &out), JB_ENOT_OPEN);

    jb_vm_options join = JB_VM_OPTIONS_INIT;
    join.mode = JB_VM_JOIN;
    join.destroy_on_close = false;
    ASSERT_EQ(jb_vm_open(&join, &vm), JB_OK) << jb_error_message();
    out = 0;
    EXPECT_JB_OK(xt_add_ints(20, 22, &out));
    EXPECT_EQ(out, 42);
    swapped = {0, 0};
    EXPECT_JB_OK(xt_swap(xt_pair{3, 4}, &swapped));  // constructor and accessor sites too
    EXPECT_EQ(swapped.left, 4);
    EXPECT_EQ(swapped.right, 3);
    EXPECT_JB_OK(jb_vm_close(vm));
}

TEST_F(Exports, RuntimeRefusesBadArgumentsAndKeepsLiveHandles) {
    jb_method *m = nullptr;
    EXPECT_EQ(jb_cexport_method(nullptr, &m), JB_EINVAL);
    jb_cexport_site site = JB_CEXPORT_SITE(JB_CEXPORT_STATIC, "dev.javabridge.exporttest.ExportTarget", "addInts", "(II)I");
    EXPECT_EQ(jb_cexport_method(&site, nullptr), JB_EINVAL);
    ASSERT_EQ(jb_cexport_method(&site, &m), JB_OK) << message();
    jb_method *again = nullptr;
    ASSERT_EQ(jb_cexport_method(&site, &again), JB_OK);
    EXPECT_EQ(again, m);  // cached
    jb_method *live = m;
    EXPECT_EQ(jb_cexport_refresh(&site, &live), JB_EHANDLE);  // a live handle is never dropped
    EXPECT_EQ(live, m);
    jb_cexport_site missing = JB_CEXPORT_SITE(JB_CEXPORT_STATIC, "dev.javabridge.exporttest.ExportTarget", "nope", "()V");
    EXPECT_EQ(jb_cexport_method(&missing, &m), JB_EMETHOD);
    EXPECT_EQ(jb_cexport_fail(JB_ERANGE, "custom message"), JB_ERANGE);
    EXPECT_EQ(jb_error_code(), JB_ERANGE);
    EXPECT_STREQ(jb_error_message(), "custom message");
}
