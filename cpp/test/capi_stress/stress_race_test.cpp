// Close/use races on C handles: ten threads use a jb_method or jb_object while another thread
// frees it after a random delay. A user sees JB_OK or JB_EHANDLE, never a crash or another code.
#include "stress_fixture.h"

#include <atomic>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

using namespace jbtest;
using namespace jbstress;

namespace {

constexpr int kUsers = 10;
// Each round costs ~50 ms of two busy cores (see the free latency figure), hence not more.
constexpr int kRounds = 60;

struct Outcome {
    std::atomic<long> ok{0}, ehandle{0}, other{0};
    double free_max_ms = 0, free_total_ms = 0;
    std::mutex lock;
    std::string first_other;
    void record(int rc) {
        if (rc == JB_OK) {
            ok++;
        } else if (rc == JB_EHANDLE) {
            ehandle++;
        } else if (other++ == 0) {
            std::lock_guard<std::mutex> g(lock);
            first_other = std::string(jb_error_name(rc)) + ": " + jb_error_message();
        }
    }
};

// Starts kUsers threads running use() until it reports JB_EHANDLE, frees with free_it() after a
// random delay, and checks a second free is refused. The delay is counted in calls the users
// made (0 to 3,000), not in time: on a loaded machine a sleeping closer wakes late while ten
// users spin, and the run time would depend on the scheduler.
template <typename Use, typename Free>
void race(std::mt19937 &rng, Outcome &out, Use use, Free free_it) {
    std::atomic<int> started{0};
    std::atomic<long> calls{0};
    std::vector<std::thread> users;
    for (int u = 0; u < kUsers; u++) {
        users.emplace_back([&] {
            started++;
            for (;;) {
                int rc = use();
                calls++;
                out.record(rc);
                if (rc != JB_OK) break;
            }
        });
    }
    while (started < kUsers) std::this_thread::yield();
    const long delay = static_cast<long>(rng() % 3001);
    while (calls < delay) std::this_thread::yield();
    auto t0 = std::chrono::steady_clock::now();
    out.record(free_it());
    double ms = seconds_since(t0) * 1e3;
    out.free_total_ms += ms;
    if (ms > out.free_max_ms) out.free_max_ms = ms;
    for (auto &t : users) t.join();
    int again = free_it();
    EXPECT_EQ(again, JB_EHANDLE) << "a second free is refused";
}

}  // namespace

using StressRace = WithVm;

TEST_F(StressRace, MethodFreedWhileTenThreadsCallIt) {
    std::mt19937 rng(12345);
    Outcome out;
    for (int round = 0; round < kRounds; round++) {
        jb_method *m = find_static("add", "(II)I");
        race(rng, out,
             [m] {
                 jb_arg two[] = {jb_arg_int32(2), jb_arg_int32(3)};
                 int32_t r = 0;
                 int rc = jb_call_static_int32(m, two, 2, &r);
                 return rc == JB_OK && r != 5 ? JB_EINTERNAL : rc;
             },
             [m] { return jb_method_free(m); });
    }
    JB_STRESS_FIGURE("method race: %d rounds x %d users: %ld OK, %ld EHANDLE, %ld other; free took %.2f ms "
                     "on average, %.2f ms at most", kRounds, kUsers, out.ok.load(), out.ehandle.load(), out.other.load(),
                     out.free_total_ms / kRounds, out.free_max_ms);
    EXPECT_EQ(out.other, 0) << out.first_other;
    EXPECT_GE(out.ehandle, kRounds * kUsers) << "every user saw the free";
}

TEST_F(StressRace, ObjectFreedWhileTenThreadsUseIt) {
    std::mt19937 rng(54321);
    Outcome out;
    jb_method *ctor = nullptr;
    ASSERT_EQ(jb_method_find_constructor(kCounter, "(Ljava/lang/String;J)V", &ctor), JB_OK);
    jb_method *increment = find_instance("increment", "()J");
    jb_method *describe = find_static("describe", "(Ljava/lang/Object;)Ljava/lang/String;");
    for (int round = 0; round < kRounds; round++) {
        jb_arg cargs[] = {jb_arg_string("raced"), jb_arg_int64(0)};
        jb_object *o = nullptr;
        ASSERT_EQ(jb_call_new(ctor, cargs, 2, &o), JB_OK);
        std::atomic<int> turn{0};
        race(rng, out,
             [&, o] {
                 // As receiver, as argument, and to read its class name.
                 switch (turn++ % 3) {
                     case 0: {
                         int64_t v = 0;
                         return jb_call_instance_int64(increment, o, nullptr, 0, &v);
                     }
                     case 1: {
                         jb_arg a = jb_arg_object(o);
                         char *s = nullptr;
                         int rc = jb_call_static_string(describe, &a, 1, &s, nullptr);
                         jb_string_free(s);
                         return rc;
                     }
                     default: {
                         char *name = nullptr;
                         int rc = jb_object_class_name(o, &name);
                         jb_string_free(name);
                         return rc;
                     }
                 }
             },
             [o] { return jb_object_free(o); });
    }
    JB_STRESS_FIGURE("object race: %d rounds x %d users: %ld OK, %ld EHANDLE, %ld other; free took %.2f ms "
                     "on average, %.2f ms at most", kRounds, kUsers, out.ok.load(), out.ehandle.load(), out.other.load(),
                     out.free_total_ms / kRounds, out.free_max_ms);
    EXPECT_EQ(out.other, 0) << out.first_other;
    EXPECT_GE(out.ehandle, kRounds * kUsers);
    jb_method_free(describe);
    jb_method_free(increment);
    jb_method_free(ctor);
}
