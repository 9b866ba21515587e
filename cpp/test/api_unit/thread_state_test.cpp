// Per-thread state alone (no JVM): each thread gets its own, and when a thread that used it
// exits, the exit hook (which detaches it from the JVM in libjavabridge) is called on that
// thread with that state. On Windows this is the fibre-local storage callback, under wine.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

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
