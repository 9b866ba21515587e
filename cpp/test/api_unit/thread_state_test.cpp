// Per-thread state alone (no JVM): each thread gets its own, and when a thread that used it
// exits, the exit hook (which detaches it from the JVM in libjavabridge) is called on that
// thread with that state. On Windows this is the fibre-local storage callback, under wine.
// Busy words (the fast call path's marks) are seen by scans from other threads.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

extern "C" {
#include "thread_state.h"
}

namespace {
std::atomic<jbi_thread *> exited{nullptr};
std::atomic<int> exits{0};
std::atomic<int> exit_saw_code{0};
std::thread::id exit_thread;

void record_exit(jbi_thread *t) {
    exit_saw_code = t->code;
    exit_thread = std::this_thread::get_id();
    exited = t;
    exits++;
}
}  // namespace

TEST(ThreadState, EachThreadHasItsOwnAndTheHookSeesItAtExit) {
    jbi_thread_set_exit_hook(record_exit);
    jbi_thread *mine = jbi_thread_self();
    ASSERT_NE(mine, nullptr);
    EXPECT_EQ(jbi_thread_self(), mine) << "the same state on every call";
    exits = 0;
    jbi_thread *theirs = nullptr;
    std::thread::id their_id;
    std::thread worker([&] {
        theirs = jbi_thread_self();
        their_id = std::this_thread::get_id();
        if (theirs != nullptr) {
            theirs->code = -42;
        }
    });
    worker.join();
    ASSERT_NE(theirs, nullptr);
    EXPECT_NE(theirs, mine);
    EXPECT_EQ(exits.load(), 1);
    EXPECT_EQ(exited.load(), theirs);
    EXPECT_EQ(exit_saw_code.load(), -42) << "the hook runs before the state is freed";
    EXPECT_EQ(exit_thread, their_id) << "the hook runs on the exiting thread (DetachCurrentThread needs that)";

    // A thread that never asks for its state costs nothing at exit.
    std::thread idle([] {});
    idle.join();
    EXPECT_EQ(exits.load(), 1);
    jbi_thread_set_exit_hook(nullptr);
}

namespace {
// Runs body with the busy words' barrier in the given mode: the process-wide barrier where the
// system has one (1), or fences on both sides (0), as on systems without it.
void with_barrier_mode(int asymmetric, const std::function<void()> &body) {
    jbi_busy_init();
    int found = __atomic_load_n(&jbi_busy_asymmetric, __ATOMIC_SEQ_CST);
    if (asymmetric && !found) {
        GTEST_SKIP() << "no process-wide barrier on this system";
    }
    __atomic_store_n(&jbi_busy_asymmetric, asymmetric, __ATOMIC_SEQ_CST);
    body();
    __atomic_store_n(&jbi_busy_asymmetric, found, __ATOMIC_SEQ_CST);
}

void busy_words_are_seen_by_scans() {
    const uintptr_t token = 0x1234;
    std::atomic<int> step{0};
    std::atomic<jbi_thread *> theirs{nullptr};
    std::thread worker([&] {
        jbi_thread *t = jbi_thread_self();
        theirs = t;
        jbi_busy_publish(t, token);
        step = 1;
        while (step.load() != 2) std::this_thread::yield();
        jbi_busy_clear(t);
        step = 3;
        while (step.load() != 4) std::this_thread::yield();
    });
    while (step.load() != 1) std::this_thread::yield();
    EXPECT_TRUE(jbi_busy_scan(token, nullptr));
    EXPECT_TRUE(jbi_busy_scan(0, nullptr)) << "0: any fast call";
    EXPECT_FALSE(jbi_busy_scan(token + 4, nullptr)) << "another token";
    EXPECT_FALSE(jbi_busy_scan(token, theirs.load())) << "the excepted thread is not counted";
    jbi_thread *mine = jbi_thread_self();
    jbi_busy_publish(mine, token);
    EXPECT_TRUE(jbi_busy_scan(token, theirs.load())) << "this thread's own word counts";
    jbi_busy_clear(mine);
    step = 2;
    while (step.load() != 3) std::this_thread::yield();
    EXPECT_FALSE(jbi_busy_scan(token, nullptr));
    EXPECT_FALSE(jbi_busy_scan(0, nullptr));
    step = 4;
    worker.join();
    EXPECT_FALSE(jbi_busy_scan(0, nullptr)) << "an exited thread's state is out of the registry";
}
}  // namespace

TEST(ThreadState, BusyWordsAreSeenWithTheProcessBarrier) { with_barrier_mode(1, busy_words_are_seen_by_scans); }

TEST(ThreadState, BusyWordsAreSeenWithFencesOnly) { with_barrier_mode(0, busy_words_are_seen_by_scans); }

TEST(ThreadState, ManyThreadsComingAndGoingKeepTheRegistryWhole) {
    // Threads register on first use and leave at exit while another thread scans. The scanner
    // pauses between scans, as real freers do: a tight loop on the registry lock starves the
    // registering threads under valgrind, which runs one thread at a time.
    std::atomic<bool> stop{false};
    std::atomic<int> scans{0};
    std::thread scanner([&] {
        while (!stop.load()) {
            EXPECT_FALSE(jbi_busy_scan(0x99, nullptr));
            scans++;
            std::this_thread::sleep_for(std::chrono::microseconds(50));
        }
    });
    for (int round = 0; round < 20; round++) {
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; i++) {
            threads.emplace_back([] {
                jbi_thread *t = jbi_thread_self();
                jbi_busy_publish(t, 0x44);
                jbi_busy_clear(t);
            });
        }
        for (auto &t : threads) t.join();
    }
    while (scans.load() == 0) std::this_thread::yield();
    stop = true;
    scanner.join();
    EXPECT_FALSE(jbi_busy_scan(0, nullptr));
}
