// The fast path's per-thread cache of the last method (call_fast.h): a handle freed while a
// thread's cache names it, and a new handle in the same slot, must be refused and resolved
// correctly, never a call of the wrong method; on one thread, across threads, and across a close.
#include "capi_fixture.h"

#include <cstring>

using namespace jbtest;

namespace {

class FastCache : public WithVm {};

int32_t call2(jb_method *m, int32_t a, int32_t b, int *rc) {
    jb_arg args[] = {jb_arg_int32(a), jb_arg_int32(b)};
    int32_t r = -12345;
    *rc = jb_call_static_int32(m, args, 2, &r);
    return r;
}

// Looks CapiTarget.divide up until its handle lands in the slot `old` had (the table reuses a
// freed slot under a new generation): the case a cache keyed on the slot alone would get wrong.
// The other handles found on the way are freed.
jb_method *divide_in_the_slot_of(jb_method *old) {
    std::vector<jb_method *> spare;
    jb_method *hit = nullptr;
    const uintptr_t low = 0xFFFFFFFFu;  // kind and index: the generation is above
    for (int i = 0; i < 256 && hit == nullptr; i++) {
        jb_method *m = find_static("divide", "(II)I");
        if (m == nullptr) break;
        if ((reinterpret_cast<uintptr_t>(m) & low) == (reinterpret_cast<uintptr_t>(old) & low)) {
            hit = m;
        } else {
            spare.push_back(m);
        }
    }
    for (jb_method *m : spare) jb_method_free(m);
    return hit;
}

}  // namespace

TEST_F(FastCache, AFreedMethodIsRefusedAndItsReusedSlotCallsOnlyTheNewMethod) {
    jb_method *add = find_static("add", "(II)I");
    int rc = 0;
    EXPECT_EQ(call2(add, 40, 2, &rc), 42);
    ASSERT_EQ(rc, JB_OK);
    EXPECT_EQ(call2(add, 1, 2, &rc), 3);  // the cache now names add
    ASSERT_EQ(jb_method_free(add), JB_OK);
    call2(add, 1, 2, &rc);
    EXPECT_EQ(rc, JB_EHANDLE) << "a freed method the cache names";

    jb_method *divide = divide_in_the_slot_of(add);
    ASSERT_NE(divide, nullptr) << "the table did not reuse the freed slot";
    ASSERT_NE(divide, add);
    call2(add, 84, 2, &rc);
    EXPECT_EQ(rc, JB_EHANDLE) << "the old handle must not reach the method now in its slot";
    EXPECT_EQ(call2(divide, 84, 2, &rc), 42);
    EXPECT_EQ(rc, JB_OK);
    call2(add, 84, 2, &rc);  // now with the cache naming divide
    EXPECT_EQ(rc, JB_EHANDLE);
    EXPECT_EQ(call2(divide, 9, 3, &rc), 3);
    EXPECT_EQ(rc, JB_OK);

    // Exceptions and type checks are unchanged with the cache warm.
    call2(divide, 1, 0, &rc);
    EXPECT_EQ(rc, JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.ArithmeticException");
    jb_arg wrong[] = {jb_arg_int64(1), jb_arg_int32(2)};
    int32_t r = 0;
    EXPECT_EQ(jb_call_static_int32(divide, wrong, 2, &r), JB_ETYPE);
    EXPECT_EQ(jb_call_static_int32(divide, wrong, 1, &r), JB_EARGS) << jb_error_message();
    int64_t wide = 0;
    jb_arg ok[] = {jb_arg_int32(8), jb_arg_int32(2)};
    EXPECT_EQ(jb_call_static_int64(divide, ok, 2, &wide), JB_OK);  // widened, as before
    EXPECT_EQ(wide, 4);
    double d = 0;
    EXPECT_EQ(jb_call_static_double(divide, ok, 2, &d), JB_ETYPE);
    EXPECT_EQ(jb_method_free(divide), JB_OK);
    call2(divide, 8, 2, &rc);
    EXPECT_EQ(rc, JB_EHANDLE);
}

TEST_F(FastCache, AMethodFreedAndReplacedWhileAnotherThreadsCacheNamesItIsRefusedThere) {
    jb_method *add = find_static("add", "(II)I");
    std::mutex mu;
    std::condition_variable cv;
    int step = 0;
    int after_free_rc = 0, replacement_rc = 0;
    int32_t replacement_result = 0;
    jb_method *replacement = nullptr;
    std::thread t([&] {
        int rc = 0;
        for (int i = 0; i < 1000; i++) {
            if (call2(add, i, 1, &rc) != i + 1 || rc != JB_OK) {
                ADD_FAILURE() << "call " << i << ": " << rc;
                break;
            }
        }
        {
            std::unique_lock<std::mutex> lock(mu);
            step = 1;  // the cache names add; the main thread frees and replaces it now
            cv.notify_all();
            cv.wait(lock, [&] { return step == 2; });
        }
        call2(add, 84, 2, &after_free_rc);
        replacement_result = call2(replacement, 84, 2, &replacement_rc);
    });
    {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return step == 1; });
    }
    ASSERT_EQ(jb_method_free(add), JB_OK);
    replacement = divide_in_the_slot_of(add);
    {
        std::lock_guard<std::mutex> lock(mu);
        step = 2;
        cv.notify_all();
    }
    t.join();
    ASSERT_NE(replacement, nullptr) << "the table did not reuse the freed slot";
    EXPECT_EQ(after_free_rc, JB_EHANDLE);
    EXPECT_EQ(replacement_rc, JB_OK);
    EXPECT_EQ(replacement_result, 42);
    jb_method_free(replacement);
}

TEST_F(FastCache, ManyThreadsAlternatingMethodsEachGetTheirOwnResults) {
    jb_method *add = find_static("add", "(II)I");
    jb_method *divide = find_static("divide", "(II)I");
    jb_method *add_long = find_static("addLong", "(JJ)J");
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int k = 0; k < 8; k++) {
        threads.emplace_back([&, k] {
            for (int32_t i = 1; i <= 5000; i++) {
                int rc = 0;
                // Each thread takes the methods in its own rhythm, so caches differ thread to thread.
                if ((i + k) % 3 == 0) {
                    jb_arg a[] = {jb_arg_int64(i), jb_arg_int64(k)};
                    int64_t r = 0;
                    rc = jb_call_static_int64(add_long, a, 2, &r);
                    if (rc != JB_OK || r != int64_t(i) + k) failures++;
                } else if ((i + k) % 3 == 1) {
                    if (call2(add, i, k, &rc) != i + k || rc != JB_OK) failures++;
                } else {
                    if (call2(divide, i * (k + 1), k + 1, &rc) != i || rc != JB_OK) failures++;
                }
            }
        });
    }
    for (auto &t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
}

TEST(FastCacheLifecycle, ACachedMethodIsNotOpenAfterCloseAndStaleAfterReopen) {
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.destroy_on_close = false;
    jb_vm *vm = open_vm({}, &o);
    ASSERT_NE(vm, nullptr);
    jb_method *add = find_static("add", "(II)I");
    int rc = 0;
    EXPECT_EQ(call2(add, 1, 2, &rc), 3);
    EXPECT_EQ(call2(add, 2, 2, &rc), 4);  // cached
    ASSERT_EQ(jb_vm_close(vm), JB_OK);
    call2(add, 1, 2, &rc);
    EXPECT_EQ(rc, JB_ENOT_OPEN) << jb_error_message();
    jb_vm_options join = JB_VM_OPTIONS_INIT;
    join.mode = JB_VM_JOIN;
    ASSERT_EQ(jb_vm_open(&join, &vm), JB_OK) << jb_error_message();
    call2(add, 1, 2, &rc);
    EXPECT_EQ(rc, JB_EHANDLE) << "the close removed every handle, cached or not";
    jb_method *again = find_static("add", "(II)I");
    EXPECT_EQ(call2(again, 20, 22, &rc), 42);
    EXPECT_EQ(rc, JB_OK);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}
