// jb_run_main (run.h): arguments, exceptions, bad input, threads, and what System.exit does to
// the host process.
#include "capi_fixture.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

using namespace jbtest;

namespace {
constexpr const char *kMain = "dev.javabridge.capi.CapiData$Main";

std::string last_args() {
    jb_field *f = nullptr;
    EXPECT_EQ(jb_field_find_static(kMain, "lastArgs", "Ljava/lang/String;", &f), JB_OK) << jb_error_message();
    char *s = nullptr;
    EXPECT_EQ(jb_field_get_string(f, nullptr, &s, nullptr), JB_OK);
    std::string r = s != nullptr ? s : "<null>";
    jb_string_free(s);
    jb_field_free(f);
    return r;
}

using RunMain = WithVm;

TEST_F(RunMain, MainGetsItsArguments) {
    const char *argv[] = {"one", "t\xc3\xa9st", "\xf0\x9f\x98\x80"};
    ASSERT_EQ(jb_run_main(kMain, 3, argv), JB_OK) << jb_error_message();
    EXPECT_EQ(last_args(), "3:one|t\xc3\xa9st|\xf0\x9f\x98\x80");
    ASSERT_EQ(jb_run_main("dev/javabridge/capi/CapiData$Main", 0, nullptr), JB_OK) << "no arguments, slashes";
    EXPECT_EQ(last_args(), "0:") << "an empty array, not null";
}

TEST_F(RunMain, MainsExceptionIsJbEjava) {
    const char *argv[] = {"fail", "x"};
    ASSERT_EQ(jb_run_main(kMain, 2, argv), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.IllegalStateException");
    EXPECT_STREQ(jb_error_java_message(), "main failed: 2");
    ASSERT_EQ(jb_run_main(kMain, 1, argv + 1), JB_OK) << "the JVM stays usable";
}

TEST_F(RunMain, BadInput) {
    const char *bad[] = {"ok", "\xed\xa0\x80"};  // an encoded surrogate is not UTF-8
    EXPECT_EQ(jb_run_main(kMain, 2, bad), JB_EENCODING);
    EXPECT_EQ(jb_run_main(nullptr, 0, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_run_main(kMain, -1, bad), JB_EINVAL);
    EXPECT_EQ(jb_run_main(kMain, 1, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_run_main("no.such.Main", 0, nullptr), JB_ECLASS);
    EXPECT_EQ(jb_run_main("dev.javabridge.capi.CapiData$NoMain", 0, nullptr), JB_EMETHOD) << "instance main";
    EXPECT_EQ(jb_run_main("java.lang.Object", 0, nullptr), JB_EMETHOD);
    const char *with_null[] = {"a", nullptr};
    EXPECT_EQ(jb_run_main(kMain, 2, with_null), JB_OK);
    EXPECT_EQ(last_args(), "2:a|null");
}

TEST_F(RunMain, SeveralThreadsRunMains) {
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 4; t++) {
        threads.emplace_back([&] {
            const char *argv[] = {"x", "y"};
            for (int k = 0; k < 50; k++) {
                if (jb_run_main(kMain, 2, argv) != JB_OK) failures++;
            }
        });
    }
    for (auto &th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
}

void host_atexit() { std::fputs("host-atexit-ran\n", stderr); }

void run_exiting_main() {
    std::atexit(host_atexit);
    jb_vm *vm = open_vm();
    const char *argv[] = {"exit", "7"};
    int rc = jb_run_main(kMain, 2, argv);
    std::fprintf(stderr, "jb_run_main returned %d\n", rc);
    jb_vm_close(vm);
    std::_Exit(99);
}

// System.exit in main ends the host process with that status: Java's shutdown hooks run, then
// the host's own atexit handlers; jb_run_main never returns. Run in a child process (a
// "threadsafe" death test re-executes this binary for just this test), so only the child dies.
TEST(RunExit, SystemExitEndsTheHostProcess) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(run_exiting_main(), ::testing::ExitedWithCode(7), "java-shutdown-hook-ran.*host-atexit-ran");
}

}  // namespace
