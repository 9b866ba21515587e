// Opening, joining, reference counting and closing the process's one JVM; discovery failures.
#include "capi_fixture.h"

#include <chrono>
#include <cstring>
#include <dlfcn.h>
#include <jni.h>
#include <mutex>

using namespace jbtest;

namespace {
std::mutex log_mutex;
std::string log_text;
void collect_log(jb_log_level, const char *message, void *user_data) {
    std::lock_guard<std::mutex> lock(log_mutex);
    log_text += message;
    log_text += '\n';
    ++*static_cast<int *>(user_data);
}

int add_one_two() {
    jb_method *add = nullptr;
    int rc = jb_method_find_static(kTarget, "add", "(II)I", &add);
    if (rc != JB_OK) return rc;
    jb_arg two[] = {jb_arg_int32(1), jb_arg_int32(2)};
    int32_t r = 0;
    rc = jb_call_static_int32(add, two, 2, &r);
    jb_method_free(add);
    return rc != JB_OK ? rc : r;
}
}  // namespace

TEST(Lifecycle, VersionMatchesTheHeader) {
    EXPECT_STREQ(jb_version(), JB_VERSION_STRING);
    EXPECT_EQ(jb_version_number(), JB_VERSION_NUMBER);
    EXPECT_STREQ(jb_error_name(JB_EJAVA), "JB_EJAVA");
    EXPECT_STREQ(jb_error_name(JB_EINTERNAL), "JB_EINTERNAL");
    EXPECT_STREQ(jb_error_name(JB_OK), "JB_OK");
    EXPECT_STREQ(jb_error_name(-999), "JB_E?");
    EXPECT_STREQ(jb_error_name(5), "JB_E?");
}

TEST(Lifecycle, EverythingBeforeOpenIsENotOpen) {
    jb_method *m = nullptr;
    EXPECT_EQ(jb_method_find_static(kTarget, "add", "(II)I", &m), JB_ENOT_OPEN);
    EXPECT_NE(std::string(jb_error_message()).find("jb_vm_open"), std::string::npos);
    int32_t i;
    EXPECT_EQ(jb_call_static_int32(reinterpret_cast<jb_method *>(0x105), nullptr, 0, &i), JB_ENOT_OPEN);
    bool attached = true;
    EXPECT_EQ(jb_vm_is_attached(&attached), JB_OK);
    EXPECT_FALSE(attached);
    EXPECT_EQ(jb_vm_is_attached(nullptr), JB_EINVAL);
    EXPECT_EQ(jb_vm_close(nullptr), JB_OK);
    EXPECT_EQ(jb_vm_detach_current_thread(), JB_OK);
}

TEST(Lifecycle, JoinWithoutAJvmIsEVmNone) {
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.mode = JB_VM_JOIN;
    jb_vm *vm = nullptr;
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_EVM_NONE);
    EXPECT_EQ(vm, nullptr);
}

TEST(Lifecycle, ReferenceCountedOpenCloseThenDestroyedForGood) {
    jb_vm *first = open_vm();
    jb_vm *second = open_vm();
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_NE(first, second);
    bool attached = false;
    EXPECT_EQ(jb_vm_is_attached(&attached), JB_OK);
    EXPECT_TRUE(attached);
    EXPECT_EQ(add_one_two(), 3);
    jb_method *add = find_static("add", "(II)I");
    EXPECT_EQ(jb_vm_close(first), JB_OK);
    EXPECT_EQ(jb_vm_close(first), JB_EHANDLE) << "double close does not touch the count";
    EXPECT_EQ(add_one_two(), 3) << "one reference left";
    EXPECT_EQ(jb_vm_close(second), JB_OK);
    int32_t r;
    jb_arg two[] = {jb_arg_int32(1), jb_arg_int32(2)};
    EXPECT_EQ(jb_call_static_int32(add, two, 2, &r), JB_EVM_DESTROYED);
    EXPECT_EQ(jb_method_free(add), JB_EHANDLE) << "freed by the last close";
    jb_vm *again = nullptr;
    EXPECT_EQ(jb_vm_open(nullptr, &again), JB_EVM_DESTROYED);
    EXPECT_NE(std::string(jb_error_message()).find("cannot create another"), std::string::npos);
    EXPECT_EQ(jb_vm_is_attached(&attached), JB_OK);
    EXPECT_FALSE(attached);
}

TEST(Lifecycle, CreateWhileOpenIsEVmExists) {
    jb_vm *vm = open_vm();
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.mode = JB_VM_CREATE;
    jb_vm *other = nullptr;
    EXPECT_EQ(jb_vm_open(&o, &other), JB_EVM_EXISTS);
    o.mode = JB_VM_JOIN;
    ASSERT_EQ(jb_vm_open(&o, &other), JB_OK);
    EXPECT_EQ(jb_vm_close(other), JB_OK);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}

TEST(Lifecycle, KeptRunningAtCloseThenJoinedAgain) {
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.destroy_on_close = false;
    jb_vm *vm = open_vm({}, &o);
    ASSERT_NE(vm, nullptr);
    jb_method *add = find_static("add", "(II)I");
    jb_object *obj = nullptr;
    ASSERT_EQ(jb_call_static_object(find_static("listOf", "(Ljava/lang/String;Ljava/lang/String;)Ljava/util/List;"),
                                    std::vector<jb_arg>{jb_arg_string("a"), jb_arg_string("b")}.data(), 2, &obj), JB_OK);
    ASSERT_EQ(jb_vm_close(vm), JB_OK);
    jb_vm_options join = JB_VM_OPTIONS_INIT;
    join.mode = JB_VM_JOIN;
    ASSERT_EQ(jb_vm_open(&join, &vm), JB_OK) << jb_error_message();
    int32_t r;
    jb_arg two[] = {jb_arg_int32(1), jb_arg_int32(2)};
    EXPECT_EQ(jb_call_static_int32(add, two, 2, &r), JB_EHANDLE) << "handles do not outlive the last close";
    EXPECT_EQ(jb_object_free(obj), JB_EHANDLE);
    EXPECT_EQ(add_one_two(), 3);
    jb_vm_options create = JB_VM_OPTIONS_INIT;
    create.mode = JB_VM_CREATE;
    jb_vm *other = nullptr;
    EXPECT_EQ(jb_vm_open(&create, &other), JB_EVM_EXISTS);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}

TEST(Lifecycle, InvalidOptions) {
    jb_vm *vm = nullptr;
    EXPECT_EQ(jb_vm_open(nullptr, nullptr), JB_EINVAL);
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.version = 99;
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_EINVAL);
    EXPECT_NE(std::string(jb_error_message()).find("JB_VM_OPTIONS_INIT"), std::string::npos);
    o = JB_VM_OPTIONS_INIT;
    o.mode = static_cast<jb_vm_mode>(7);
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_EINVAL);
    o = JB_VM_OPTIONS_INIT;
    o.jvm_option_count = 2;
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_EINVAL);
    const char *with_null[] = {"-Xint", nullptr};
    o.jvm_options = with_null;
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_EINVAL);
    o = JB_VM_OPTIONS_INIT;
    const char *bad_cp[] = {"a:b"};
    o.class_path = bad_cp;
    o.class_path_count = 1;
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_EINVAL);
    EXPECT_NE(std::string(jb_error_message()).find("class path entry 0"), std::string::npos) << jb_error_message();
    EXPECT_EQ(vm, nullptr);
}

TEST(Lifecycle, UnrecognisedJvmOptionIsEVmCreate) {
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    const char *opts[] = {"-XX:+ThisOptionDoesNotExist"};
    o.jvm_options = opts;
    o.jvm_option_count = 1;
    jb_vm *vm = nullptr;
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_EVM_CREATE);
    EXPECT_NE(std::string(jb_error_message()).find("JNI_CreateJavaVM failed"), std::string::npos);
}

TEST(Lifecycle, BadJvmPathListsTheCandidate) {
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.jvm_path = "/nonexistent/jdk/lib/server/libjvm.so";
    jb_vm *vm = nullptr;
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_ENOJVM);
    std::string msg = jb_error_message();
    EXPECT_NE(msg.find("/nonexistent/jdk/lib/server/libjvm.so (jvm_path option): "), std::string::npos) << msg;
    EXPECT_NE(msg.find("No such file"), std::string::npos) << msg;
    o.jvm_path = "/etc";  // a directory that is no Java home
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_ENOJVM);
    EXPECT_NE(std::string(jb_error_message()).find("/etc/lib/server/libjvm.so"), std::string::npos);
}

TEST(Lifecycle, BadJavaHomeIsReportedThenTheNextCandidateWorks) {
    setenv("JAVA_HOME", "/nonexistent-java-home", 1);
    int messages = 0;
    ASSERT_EQ(jb_log_set_callback(collect_log, JB_LOG_DEBUG, &messages), JB_OK);
    jb_vm *vm = open_vm();
    ASSERT_NE(vm, nullptr);
    EXPECT_GT(messages, 0);
    {
        std::lock_guard<std::mutex> lock(log_mutex);
        EXPECT_NE(log_text.find("/nonexistent-java-home/lib/server/libjvm.so (JAVA_HOME=/nonexistent-java-home)"),
                  std::string::npos) << log_text;
        EXPECT_NE(log_text.find("loaded libjvm"), std::string::npos) << log_text;
    }
    EXPECT_EQ(add_one_two(), 3);
    EXPECT_EQ(jb_log_set_callback(nullptr, JB_LOG_DEBUG, nullptr), JB_OK);
    EXPECT_EQ(jb_log_set_callback(nullptr, static_cast<jb_log_level>(9), nullptr), JB_EINVAL);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}

TEST(Lifecycle, ExplicitJavaHomeDirectoryWorks) {
    const char *home = std::getenv("JAVA_HOME");
    ASSERT_NE(home, nullptr);
    std::string h = home;
    unsetenv("JAVA_HOME");
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.jvm_path = h.c_str();
    jb_vm *vm = open_vm({}, &o);
    ASSERT_NE(vm, nullptr);
    EXPECT_EQ(add_one_two(), 3);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}

// DestroyJavaVM waits for every non-daemon Java thread, forever if one never ends: the last
// close must still return, within its timeout, with JB_ETIMEDOUT.
TEST(Lifecycle, CloseReturnsEvenIfTheJvmCannotShutDown) {
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.destroy_timeout_ms = 500;
    jb_vm *vm = open_vm({}, &o);
    ASSERT_NE(vm, nullptr);
    ASSERT_EQ(jb_call_static_void(find_static("startEndlessThread", "()V"), nullptr, 0), JB_OK);
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(jb_vm_close(vm), JB_ETIMEDOUT);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(ms, 400);
    EXPECT_LT(ms, 5000);
    EXPECT_NE(std::string(jb_error_message()).find("non-daemon"), std::string::npos);
    jb_vm *again = nullptr;
    EXPECT_EQ(jb_vm_open(nullptr, &again), JB_EVM_DESTROYED);
    // The process exits normally with the JVM stuck in shutdown (std::exit from gtest's main).
}

// A call of a static all-primitive method on a thread javabridge attached takes the fast path,
// which the in-flight counter does not count: the last close must still wait for it before it
// destroys the JVM, and the call must return its real result.
TEST(Lifecycle, CloseWaitsForAFastCallUnderWayOnAnotherThread) {
    jb_vm *vm = open_vm();
    ASSERT_NE(vm, nullptr);
    SleepingCall call(find_static("sleepThenAdd", "(II)I"), 600, 41);
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(jb_vm_close(vm), JB_OK) << jb_error_message();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    call.join();
    EXPECT_EQ(call.rc, JB_OK);
    EXPECT_EQ(call.result, 42);
    EXPECT_GE(ms, 300) << "close returned while the call was still in Java";
}

// issue 13 item 1: a call still in Java when the last close's timeout runs out. Destroying the
// JVM then would strand that thread forever (it blocks when it comes back from Java into a JVM
// that has exited, and the process no longer answers SIGTERM). The close must return
// JB_ETIMEDOUT within its bound and leave the JVM running, so the call finishes with its real
// result and a later open joins the same JVM.
TEST(Lifecycle, CloseTimesOutOnAFastCallInFlightAndLeavesTheJvmUsable) {
    Watchdog dog(std::chrono::seconds(30), "close with a fast call in flight");
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.destroy_timeout_ms = 500;
    jb_vm *vm = open_vm({}, &o);
    ASSERT_NE(vm, nullptr);
    SleepingCall call(find_static("sleepThenAdd", "(II)I"), 2500, 41);
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(jb_vm_close(vm), JB_ETIMEDOUT);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(ms, 400);
    EXPECT_LT(ms, 1500) << "close waited longer than its timeout";
    EXPECT_NE(std::string(jb_error_message()).find("still under way"), std::string::npos) << jb_error_message();
    call.join();
    EXPECT_EQ(call.rc, JB_OK) << jb_error_name(call.rc);
    EXPECT_EQ(call.result, 42);
    jb_vm *again = open_vm();
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(add_one_two(), 3);
    EXPECT_EQ(jb_vm_close(again), JB_OK) << jb_error_message();
}

TEST(Lifecycle, CloseTimesOutOnAGenericCallInFlightAndLeavesTheJvmUsable) {
    Watchdog dog(std::chrono::seconds(30), "close with a generic call in flight");
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.destroy_timeout_ms = 500;
    jb_vm *vm = open_vm({}, &o);
    ASSERT_NE(vm, nullptr);
    jb_method *echo = find_static("sleepThenEcho", "(ILjava/lang/String;)Ljava/lang/String;");
    ASSERT_NE(echo, nullptr);
    std::atomic<bool> started{false};
    int rc = -1;
    std::string result;
    std::thread caller([&] {
        jb_arg args[] = {jb_arg_int32(2500), jb_arg_string("still here")};
        char *out = nullptr;
        size_t len = 0;
        started = true;
        rc = jb_call_static_string(echo, args, 2, &out, &len);
        if (out != nullptr) result.assign(out, len);
        jb_string_free(out);
    });
    while (!started.load()) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(jb_vm_close(vm), JB_ETIMEDOUT);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(ms, 1500) << "close waited longer than its timeout";
    caller.join();
    EXPECT_EQ(rc, JB_OK) << jb_error_name(rc);
    EXPECT_EQ(result, "still here");
    EXPECT_EQ(jb_method_free(echo), JB_EHANDLE) << "the close freed every handle";
    jb_vm *again = open_vm();
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(add_one_two(), 3);
    EXPECT_EQ(jb_vm_close(again), JB_OK) << jb_error_message();
}

// issue 13 item 2: frees on other threads racing the last close. Each freeing thread is new,
// so its free also attaches it; a free caught between its handle's removal and its
// DeleteGlobalRef while DestroyJavaVM ran used to block forever. Every free must return, with
// JB_OK or JB_EHANDLE (the close freed it first).
TEST(Lifecycle, FreesRacingTheLastCloseAllReturn) {
    Watchdog dog(std::chrono::seconds(40), "frees racing the last close");
    jb_vm *vm = open_vm();
    ASSERT_NE(vm, nullptr);
    constexpr int kThreads = 48;
    std::vector<jb_method *> methods;
    std::vector<jb_object *> objects;
    jb_method *make = find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;");
    for (int i = 0; i < kThreads; i++) {
        methods.push_back(find_static("add", "(II)I"));
        jb_arg a = jb_arg_string("x");
        jb_object *obj = nullptr;
        ASSERT_EQ(jb_call_static_object(make, &a, 1, &obj), JB_OK) << jb_error_message();
        objects.push_back(obj);
    }
    std::atomic<bool> go{false};
    std::atomic<int> bad{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; i++) {
        threads.emplace_back([&, i] {
            while (!go.load()) std::this_thread::yield();
            // Spread over the close: some before it, some during the destroy, some after.
            std::this_thread::sleep_for(std::chrono::microseconds(i * 150));
            int r1 = jb_method_free(methods[i]);
            int r2 = jb_object_free(objects[i]);
            if ((r1 != JB_OK && r1 != JB_EHANDLE) || (r2 != JB_OK && r2 != JB_EHANDLE)) bad++;
        });
    }
    go = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    EXPECT_EQ(jb_vm_close(vm), JB_OK) << jb_error_message();
    for (auto &t : threads) t.join();
    EXPECT_EQ(bad.load(), 0);
}

// issue 13 item 3: after some failed starts HotSpot cannot start again in the process (a retry
// dies in a HotSpot guarantee and takes the process with it). The first failure says what
// HotSpot said; later opens are refused with that message and never call JNI_CreateJavaVM.
TEST(Lifecycle, FailedCreationSaysWhyAndIsNeverRetried) {
    Watchdog dog(std::chrono::seconds(30), "open after a failed creation");
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    const char *tiny_stack[] = {"-Xss1k"};
    o.jvm_options = tiny_stack;
    o.jvm_option_count = 1;
    jb_vm *vm = nullptr;
    ASSERT_EQ(jb_vm_open(&o, &vm), JB_EVM_CREATE);
    std::string first = jb_error_message();
    EXPECT_NE(first.find("HotSpot said: "), std::string::npos) << first;
    EXPECT_NE(first.find("stack size"), std::string::npos) << first;
    jb_vm_options defaults = JB_VM_OPTIONS_INIT;
    EXPECT_EQ(jb_vm_open(&defaults, &vm), JB_EVM_CREATE);
    std::string second = jb_error_message();
    EXPECT_NE(second.find("does not retry"), std::string::npos) << second;
    EXPECT_NE(second.find("stack size"), std::string::npos) << "the first failure is repeated: " << second;
    EXPECT_EQ(vm, nullptr);
}

TEST(Lifecycle, UnrecognisedOptionSaysWhatHotSpotSaid) {
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    const char *opts[] = {"-Xbogus"};
    o.jvm_options = opts;
    o.jvm_option_count = 1;
    jb_vm *vm = nullptr;
    EXPECT_EQ(jb_vm_open(&o, &vm), JB_EVM_CREATE);
    EXPECT_NE(std::string(jb_error_message()).find("Unrecognized option: -Xbogus"), std::string::npos)
        << jb_error_message();
}

// issue 13 item 9: a failed open that already loaded libjvm (here: a class path folder that
// does not exist) must not make a later jvm_path silently ignored.
TEST(Lifecycle, JvmPathOtherThanTheLoadedLibjvmIsRefused) {
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    const char *cp[] = {"/nonexistent-javabridge-dir/*"};
    o.class_path = cp;
    o.class_path_count = 1;
    jb_vm *vm = nullptr;
    ASSERT_EQ(jb_vm_open(&o, &vm), JB_EINVAL);
    jb_vm_options other = JB_VM_OPTIONS_INIT;
    other.jvm_path = "/nonexistent/lib/server/libjvm.so";
    EXPECT_EQ(jb_vm_open(&other, &vm), JB_EINVAL);
    EXPECT_NE(std::string(jb_error_message()).find("not the libjvm this process has already loaded"), std::string::npos)
        << jb_error_message();
    EXPECT_EQ(vm, nullptr);
    // The loaded one, named by its Java home, is fine.
    const char *home = std::getenv("JAVA_HOME");
    ASSERT_NE(home, nullptr);
    jb_vm_options same = JB_VM_OPTIONS_INIT;
    same.jvm_path = home;
    vm = open_vm({}, &same);
    ASSERT_NE(vm, nullptr);
    EXPECT_EQ(add_one_two(), 3);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}

// issue 13 item 4: a thread whose stack is too small for HotSpot's guard zones used to crash
// the process (SIGSEGV) at its first call; it must get JB_EATTACH and a message instead, and a
// thread with an ordinary small stack must still work.
namespace {
struct StackRun {
    int rc = -1;
    std::string message;
};
void *stack_thread_main(void *arg) {
    auto *run = static_cast<StackRun *>(arg);
    jb_method *m = nullptr;
    run->rc = jb_method_find_static(kTarget, "add", "(II)I", &m);
    if (run->rc == JB_OK) {
        jb_arg two[] = {jb_arg_int32(1), jb_arg_int32(2)};
        int32_t r = 0;
        run->rc = jb_call_static_int32(m, two, 2, &r);
        if (run->rc == JB_OK && r != 3) run->rc = -999;
        jb_method_free(m);
    } else {
        run->message = jb_error_message();
    }
    return nullptr;
}
StackRun run_on_stack(size_t bytes) {
    StackRun run;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    EXPECT_EQ(pthread_attr_setstacksize(&attr, bytes), 0) << bytes;
    pthread_t thread;
    EXPECT_EQ(pthread_create(&thread, &attr, stack_thread_main, &run), 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    return run;
}
}  // namespace

TEST(Lifecycle, ThreadWithTooSmallAStackIsRefusedNotCrashed) {
    jb_vm *vm = open_vm();
    ASSERT_NE(vm, nullptr);
    for (size_t kib : {16, 32, 64, 96}) {
        size_t min = static_cast<size_t>(PTHREAD_STACK_MIN);
        size_t bytes = kib * 1024 < min ? min : kib * 1024;
        StackRun run = run_on_stack(bytes);
        EXPECT_EQ(run.rc, JB_EATTACH) << kib << " KiB";
        EXPECT_NE(run.message.find("stack"), std::string::npos) << run.message;
    }
    for (size_t kib : {256, 1024}) {
        EXPECT_EQ(run_on_stack(kib * 1024).rc, JB_OK) << kib << " KiB";
    }
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}

// Not a check: prints what HotSpot itself accepts, for JBI_MIN_ATTACH_STACK's comment.
TEST(Lifecycle, DISABLED_MeasureStackSizes) {
    jb_vm *vm = open_vm();
    for (size_t kib : {96, 128, 160, 192, 224, 256, 288, 320, 384}) {
        StackRun run = run_on_stack(kib * 1024);
        std::printf("%zu KiB: %s %s\n", kib, jb_error_name(run.rc), run.message.c_str());
    }
    jb_vm_close(vm);
}
