// The slot-reuse race of host natives (natives.c): a Java thread the JVM has already sent into a
// slot's entry point, but which has not yet marked itself inside, is invisible to unregistering.
// If the slot is then freed and rebound to another method, that late caller must not run the
// new function with the old method's arguments.
//
// The window is opened for real: a Java thread's first call into libjavabridge allocates its
// per-thread state before it marks the slot, and this program's interposed calloc
// (fault_test.cpp) parks it exactly there while the test unbinds and rebinds. No hook in the
// library: the library under test is the shipped one.
#include "capi_fixture.h"
#include "fault_interpose.h"

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace jbtest;

namespace {

constexpr const char *kNatives = "dev.javabridge.capi.CapiNativesTarget";

enum { kIdle, kArmed, kParked, kReleased };
std::atomic<int> g_phase{kIdle};
std::thread::id g_test_thread;

// Parks the first library allocation of a thread other than the test's, while armed (bounded).
void park_late_caller() {
    if (std::this_thread::get_id() == g_test_thread) return;
    int armed = kArmed;
    if (!g_phase.compare_exchange_strong(armed, kParked)) return;
    for (int ms = 0; ms < 20000 && g_phase.load() != kReleased; ms++) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

bool wait_for(int phase) {
    for (int ms = 0; ms < 20000; ms++) {
        if (g_phase.load() == phase) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

jb_object *system_class(const char *name) {
    jb_method *system = find_static("getSystemClassLoader", "()Ljava/lang/ClassLoader;", "java.lang.ClassLoader");
    jb_method *for_name =
        find_static("forName", "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;", "java.lang.Class");
    jb_object *loader = nullptr, *c = nullptr;
    EXPECT_EQ(jb_call_static_object(system, nullptr, 0, &loader), JB_OK) << jb_error_message();
    jb_arg a[] = {jb_arg_string(name), jb_arg_bool(true), jb_arg_object(loader)};
    EXPECT_EQ(jb_call_static_object(for_name, a, 3, &c), JB_OK) << jb_error_message();
    jb_object_free(loader);
    jb_method_free(for_name);
    jb_method_free(system);
    return c;
}

struct Counted {
    std::atomic<int> calls{0};
};

int add(jb_native_call *call, const jb_arg *a, size_t, void *ud) {
    ++static_cast<Counted *>(ud)->calls;
    return jb_native_call_return(call, jb_arg_int32(a[0].u.i32 + a[1].u.i32 + 1000));
}
int plus(jb_native_call *call, const jb_arg *a, size_t, void *ud) {
    ++static_cast<Counted *>(ud)->calls;
    return jb_native_call_return(call, jb_arg_int64(a[0].u.i64 + a[1].u.i64));
}
int filler(jb_native_call *, const jb_arg *, size_t, void *ud) {
    ++static_cast<Counted *>(ud)->calls;
    return JB_EINTERNAL;
}

std::string outcome(const char *name, const char *sig, std::vector<jb_arg> args = {}) {
    jb_method *m = find_static(name, sig, kNatives);
    char *out = nullptr;
    int rc = jb_call_static_string(m, args.data(), args.size(), &out, nullptr);
    std::string r = rc == JB_OK ? (out != nullptr ? out : "<null>") : std::string("rc ") + jb_error_name(rc) + " " + jb_error_message();
    jb_string_free(out);
    jb_method_free(m);
    return r;
}

class NativesRace : public ::testing::Test {
  protected:
    void SetUp() override {
        vm_ = open_vm();
        ASSERT_NE(vm_, nullptr);
        ASSERT_TRUE(jbfault::locate_library()) << "libjavabridge is not loaded in this process";
        g_test_thread = std::this_thread::get_id();
    }
    void TearDown() override {
        jbfault::calloc_hook.store(nullptr);
        for (jb_object *c : classes_) jb_object_free(c);
        for (jb_loader *l : loaders_) jb_loader_free(l);
        EXPECT_EQ(jb_vm_close(vm_), JB_OK) << jb_error_message();
    }
    // Binds JB_NATIVES_MAX - 1 natives of copies of a class outside the class path (each from
    // its own loader, so unrelated to every other class here), so that the next binding can only
    // take the one slot left.
    void fill_all_slots_but_one(Counted *calls) {
        const char *natives[][2] = {{"twice", "(I)I"}, {"same", "(Ldev/javabridge/loadtest/Twice;)Ldev/javabridge/loadtest/Twice;"}};
        const char *path = JB_LOADER_DIR "/classes";
        int bound = 0;
        while (bound < JB_NATIVES_MAX - 1) {
            jb_loader *loader = nullptr;
            ASSERT_EQ(jb_loader_new(&path, 1, &loader), JB_OK) << jb_error_message();
            loaders_.push_back(loader);
            jb_object *copy = nullptr;
            ASSERT_EQ(jb_loader_find_class(loader, "dev.javabridge.loadtest.Twice", &copy), JB_OK) << jb_error_message();
            classes_.push_back(copy);
            for (auto &n : natives) {
                if (bound == JB_NATIVES_MAX - 1) break;
                jb_native_method m[] = {{n[0], n[1], filler, calls}};
                ASSERT_EQ(jb_register_natives(copy, m, 1), JB_OK) << bound << ": " << jb_error_message();
                bound++;
            }
        }
    }
    jb_vm *vm_ = nullptr;
    std::vector<jb_loader *> loaders_;
    std::vector<jb_object *> classes_;
};

// Starts a Java thread calling a native (CapiNativesTarget.start*), holds it on its way into the
// native's entry point, runs rebind meanwhile, releases it and returns its outcome.
template <typename Rebind> std::string late_call(const char *start_name, const char *start_sig, std::vector<jb_arg> args, Rebind rebind) {
    jbfault::calloc_hook.store(park_late_caller);
    g_phase.store(kArmed);
    jb_method *start = find_static(start_name, start_sig, kNatives);
    EXPECT_EQ(jb_call_static_void(start, args.data(), args.size()), JB_OK) << jb_error_message();
    jb_method_free(start);
    bool parked = wait_for(kParked);
    EXPECT_TRUE(parked) << "the Java thread never reached its first library allocation";
    if (parked) rebind();
    g_phase.store(kReleased);
    std::string late = outcome("joinLate", "()Ljava/lang/String;");
    jbfault::calloc_hook.store(nullptr);
    g_phase.store(kIdle);
    return late;
}

TEST_F(NativesRace, ALateCallerOfAnUnboundMethodNeverRunsTheFunctionItsSlotWasGivenNext) {
    Counted add_calls, plus_calls, filler_calls;
    jb_object *target = system_class(kNatives);
    jb_object *box = system_class("dev.javabridge.capi.CapiNativesTarget$Box");
    ASSERT_NE(target, nullptr);
    ASSERT_NE(box, nullptr);
    classes_.push_back(target);
    classes_.push_back(box);
    jb_native_method add_m[] = {{"add", "(II)I", add, &add_calls}};
    jb_native_method plus_m[] = {{"plus", "(JJ)J", plus, &plus_calls}};
    ASSERT_EQ(jb_register_natives(target, add_m, 1), JB_OK) << jb_error_message();
    fill_all_slots_but_one(&filler_calls);
    ASSERT_EQ(jb_register_natives(box, plus_m, 1), JB_ERANGE) << "the table should be full";

    // A Java thread calls the static add(2, 3); while it is held inside add's entry point, add
    // is unbound and the instance method Box.plus(JJ)J takes the only free slot: add's.
    std::string late = late_call("startAdd", "(II)V", {jb_arg_int32(2), jb_arg_int32(3)}, [&] {
        ASSERT_EQ(jb_unregister_natives(target), JB_OK) << jb_error_message();
        ASSERT_EQ(jb_register_natives(box, plus_m, 1), JB_OK) << jb_error_message();
    });
    EXPECT_EQ(plus_calls.calls.load(), 0) << "the late caller of add ran plus(JJ)J with add's arguments: " << late;
    EXPECT_EQ(late.rfind("java.lang.IllegalStateException:", 0), 0u) << late;

    // The slot still serves its new method's own callers.
    jb_method *call_plus = find_static("callPlus", "(JJ)J", kNatives);
    jb_arg pa[] = {jb_arg_int64(INT64_C(1) << 40), jb_arg_int64(7)};
    int64_t sum = 0;
    ASSERT_EQ(jb_call_static_int64(call_plus, pa, 2, &sum), JB_OK) << jb_error_message();
    EXPECT_EQ(sum, (INT64_C(1) << 40) + 7);
    EXPECT_EQ(plus_calls.calls.load(), 1);
    jb_method_free(call_plus);

    // The other way round, through the class check itself: a late caller of the instance
    // method plus (its receiver a Box) while the slot goes back to the static add.
    late = late_call("startPlus", "(JJ)V", {jb_arg_int64(5), jb_arg_int64(6)}, [&] {
        ASSERT_EQ(jb_unregister_natives(box), JB_OK) << jb_error_message();
        ASSERT_EQ(jb_register_natives(target, add_m, 1), JB_OK) << jb_error_message();
    });
    EXPECT_EQ(add_calls.calls.load(), 0) << "the late caller of plus ran add(II)I with plus's arguments: " << late;
    EXPECT_EQ(late.rfind("java.lang.IllegalStateException:", 0), 0u) << late;
    EXPECT_EQ(outcome("outcomeOfAdd", "()Ljava/lang/String;"), "ok:1003") << "add's own callers pass the check";
    EXPECT_EQ(add_calls.calls.load(), 1);
    EXPECT_EQ(plus_calls.calls.load(), 1);
    EXPECT_EQ(filler_calls.calls.load(), 0);

    // The slot never goes to another method of add's class, whose late callers could not be
    // told from add's: with no other slot free, that is a plain JB_ERANGE.
    ASSERT_EQ(jb_unregister_natives(target), JB_OK) << jb_error_message();
    jb_native_method half_m[] = {{"half", "(F)F", add, &add_calls}};
    EXPECT_EQ(jb_register_natives(target, half_m, 1), JB_ERANGE);
    EXPECT_NE(std::string(jb_error_message()).find("related"), std::string::npos) << jb_error_message();
}

} // namespace
