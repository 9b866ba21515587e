// Shared by the suites that start a real JVM. ctest runs every test in its own process,
// so each test may create (and destroy) the process's one JVM.
#ifndef JB_TEST_CAPI_FIXTURE_H
#define JB_TEST_CAPI_FIXTURE_H

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <jni.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <javabridge/javabridge.h>

namespace jbtest {

inline const char *test_classes() {
    const char *dir = std::getenv("JB_TEST_CLASSES_DIR");
#ifdef JB_TEST_CLASSES_DEFAULT
    return dir != nullptr ? dir : JB_TEST_CLASSES_DEFAULT;
#else
    return dir != nullptr ? dir : "target/test-classes";
#endif
}

constexpr const char *kTarget = "dev.javabridge.capi.CapiTarget";
constexpr const char *kCounter = "dev.javabridge.capi.CapiTarget$Counter";

// Opens with the test classes and -Xcheck:jni (plus extra options); fails the test on error.
inline jb_vm *open_vm(std::vector<const char *> extra = {}, jb_vm_options *custom = nullptr) {
    static const char *cp[1];
    cp[0] = test_classes();
    static std::vector<const char *> options;
    options = {"-Xcheck:jni", "-Xss2m"};
    options.insert(options.end(), extra.begin(), extra.end());
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    if (custom != nullptr) o = *custom;
    o.class_path = cp;
    o.class_path_count = 1;
    o.jvm_options = options.data();
    o.jvm_option_count = options.size();
    jb_vm *vm = nullptr;
    int rc = jb_vm_open(&o, &vm);
    EXPECT_EQ(rc, JB_OK) << jb_error_name(rc) << ": " << jb_error_message();
    return vm;
}

inline jb_method *find_static(const char *name, const char *sig, const char *cls = kTarget) {
    jb_method *m = nullptr;
    int rc = jb_method_find_static(cls, name, sig, &m);
    EXPECT_EQ(rc, JB_OK) << name << sig << ": " << jb_error_name(rc) << ": " << jb_error_message();
    return m;
}

inline jb_method *find_instance(const char *name, const char *sig, const char *cls = kCounter) {
    jb_method *m = nullptr;
    int rc = jb_method_find_instance(cls, name, sig, &m);
    EXPECT_EQ(rc, JB_OK) << name << sig << ": " << jb_error_name(rc) << ": " << jb_error_message();
    return m;
}

// A test with a JVM open for its whole body, destroyed at the end.
class WithVm : public ::testing::Test {
  protected:
    void SetUp() override {
        vm_ = open_vm();
        ASSERT_NE(vm_, nullptr);
    }
    void TearDown() override {
        EXPECT_EQ(jb_vm_close(vm_), JB_OK) << jb_error_message();
    }
    jb_vm *vm_ = nullptr;
};

// Calls a String-returning static method with one String argument.
inline std::string call_string(jb_method *m, const std::string &arg, int *rc_out = nullptr) {
    jb_arg a = jb_arg_string_n(arg.data(), arg.size());
    char *out = nullptr;
    size_t len = 0;
    int rc = jb_call_static_string(m, &a, 1, &out, &len);
    if (rc_out != nullptr) *rc_out = rc;
    std::string s = out != nullptr ? std::string(out, len) : std::string("<null>");
    jb_string_free(out);
    return s;
}

// The process's JVM as raw JNI sees it (JNI_GetCreatedJavaVMs through the loaded libjvm), for
// tests that compare with or bypass the C API; nullptr if there is none.
inline JavaVM *raw_jvm() {
    using created_fn = jint (*)(JavaVM **, jsize, jsize *);
    auto created = reinterpret_cast<created_fn>(dlsym(RTLD_DEFAULT, "JNI_GetCreatedJavaVMs"));
    JavaVM *vm = nullptr;
    jsize n = 0;
    if (created == nullptr || created(&vm, 1, &n) != JNI_OK || n != 1) return nullptr;
    return vm;
}

// A thread inside CapiTarget.sleepThenAdd(millis, a) through method (a fast call: static, all
// primitive, on a thread javabridge attached) when the constructor returns, so that the test can
// free the method or close the JVM under it. join() waits for its result.
class SleepingCall {
  public:
    SleepingCall(jb_method *method, int32_t millis, int32_t a)
        : thread_([this, method, millis, a] {
              jb_arg warm[] = {jb_arg_int32(0), jb_arg_int32(0)};
              int32_t ignored = 0;
              jb_call_static_int32(method, warm, 2, &ignored); // attaches this thread first
              jb_arg args[] = {jb_arg_int32(millis), jb_arg_int32(a)};
              started_ = true;
              rc = jb_call_static_int32(method, args, 2, &result);
          }) {
        while (!started_.load()) std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::milliseconds(100)); // well inside Java's sleep
    }
    void join() { thread_.join(); }
    int rc = -1;
    int32_t result = 0;

  private:
    std::atomic<bool> started_{false};
    std::thread thread_; // last: starts once the fields above exist
};

// Ends the process with a failure if the scope it guards is not left within the bound: a test
// of a hang then fails in seconds instead of hanging (a JVM that stranded a thread may even
// ignore SIGTERM, so ctest's own TIMEOUT is only the last resort).
class Watchdog {
  public:
    explicit Watchdog(std::chrono::milliseconds bound, const char *what)
        : thread_([this, bound, what] {
              std::unique_lock<std::mutex> lock(mutex_);
              if (!cond_.wait_for(lock, bound, [this] { return done_; })) {
                  std::fprintf(stderr, "WATCHDOG: %s did not finish within %lld ms\n", what,
                               static_cast<long long>(bound.count()));
                  std::fflush(stderr);
                  _exit(97);
              }
          }) {}
    ~Watchdog() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_ = true;
        }
        cond_.notify_one();
        thread_.join();
    }

  private:
    std::mutex mutex_;
    std::condition_variable cond_;
    bool done_ = false;
    std::thread thread_; // last
};

}  // namespace jbtest

#endif
