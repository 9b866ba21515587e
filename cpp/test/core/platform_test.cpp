// The operating-system layer (jbi_platform.h), run on Linux natively and on Windows under wine:
// the same expectations hold for dlopen/pthread keys and LoadLibrary/FLS.
#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <string>
#include <thread>

#include "jbi_platform.h"

namespace {

#if defined(_WIN32)
const char *const kSystemLibrary = "msvcrt.dll";
const char *const kMissingLibrary = "C:\\no\\such\\folder\\nothing.dll";
#else
const char *const kSystemLibrary = "libc.so.6";
const char *const kMissingLibrary = "/no/such/folder/libnothing.so";
#endif

TEST(Platform, LoadsALibraryAndCallsItsFunction) {
    char err[256] = "";
    jbi_dynlib *lib = jbi_dynlib_open(kSystemLibrary, err, sizeof err);
    ASSERT_NE(lib, nullptr) << err;
    auto strlen_fn = reinterpret_cast<size_t (*)(const char *)>(jbi_dynlib_symbol(lib, "strlen"));
    ASSERT_NE(strlen_fn, nullptr);
    EXPECT_EQ(strlen_fn("javabridge"), 10u);
    EXPECT_EQ(jbi_dynlib_symbol(lib, "jbi_no_such_function"), nullptr);
    jbi_dynlib_close(lib);
}

TEST(Platform, MissingLibraryFailsWithAReason) {
    char err[256] = "";
    EXPECT_EQ(jbi_dynlib_open(kMissingLibrary, err, sizeof err), nullptr);
    EXPECT_GT(std::strlen(err), 0u);
    EXPECT_EQ(jbi_dynlib_open(nullptr, err, sizeof err), nullptr);
    EXPECT_NE(std::string(err).find("NULL"), std::string::npos) << err;
    // No buffer for the reason is allowed too.
    EXPECT_EQ(jbi_dynlib_open(kMissingLibrary, nullptr, 0), nullptr);
}

TEST(Platform, NullArgumentsAreRefusedQuietly) {
    EXPECT_EQ(jbi_dynlib_symbol(nullptr, "strlen"), nullptr);
    jbi_dynlib_close(nullptr);
    EXPECT_EQ(jbi_tls_create(nullptr, nullptr), -1);
}

std::atomic<int> destructor_calls{0};
std::atomic<void *> destroyed_value{nullptr};

void record_destruction(void *value) {
    destroyed_value = value;
    destructor_calls++;
}

TEST(Platform, ThreadValuesAreSeparateAndDestroyedAtThreadExit) {
    jbi_tls_key key;
    ASSERT_EQ(jbi_tls_create(&key, record_destruction), 0);
    destructor_calls = 0;
    destroyed_value = nullptr;
    int main_value = 1;
    int thread_value = 2;
    ASSERT_EQ(jbi_tls_set(key, &main_value), 0);

    void *seen_first = &main_value;
    std::thread worker([&] {
        seen_first = jbi_tls_get(key);
        jbi_tls_set(key, &thread_value);
    });
    worker.join();
    EXPECT_EQ(seen_first, nullptr) << "a new thread starts with NULL";
    EXPECT_EQ(destructor_calls.load(), 1);
    EXPECT_EQ(destroyed_value.load(), &thread_value);
    EXPECT_EQ(jbi_tls_get(key), &main_value);

    // A thread that stores nothing (or NULL) gets no destructor call.
    std::thread idle([&] { jbi_tls_set(key, nullptr); });
    idle.join();
    EXPECT_EQ(destructor_calls.load(), 1);

    ASSERT_EQ(jbi_tls_set(key, nullptr), 0);
    jbi_tls_delete(key);
    EXPECT_EQ(destructor_calls.load(), 1);
}

}  // namespace
