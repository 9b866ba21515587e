// libjvm discovery alone, against fake Java homes: the order of candidates, and a report that
// names every candidate with the reason it failed.
#include <gtest/gtest.h>

#include <filesystem>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#if !defined(_WIN32)
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "test_paths.h"

extern "C" {
#include "jvm_discovery.h"
}

namespace {
class FakeTree {
  public:
    FakeTree() : root_(jbtest::make_temp_dir("jb-jvm")) {}
    ~FakeTree() {
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }
    // rel in either spelling; the result in the platform's.
    std::string dir(const std::string &rel) const {
        std::string p = root_ + jbtest::native("/" + rel);
        std::filesystem::create_directories(p);
        return p;
    }
    std::string file(const std::string &rel, const std::string &content = "not a shared library") const {
        std::string p = root_ + jbtest::native("/" + rel);
        std::filesystem::create_directories(std::filesystem::path(p).parent_path());
        FILE *f = std::fopen(p.c_str(), "w");
        std::fputs(content.c_str(), f);
        std::fclose(f);
        return p;
    }
    const std::string &root() const { return root_; }

  private:
    std::string root_;
};

jbi_search empty_search() {
    jbi_search s{};
    return s;
}

const std::string D = jbtest::native("/");
const std::string kJvm = jbtest::kJvmInHome;
}  // namespace

TEST(JvmDiscovery, ExplicitPathIsTheOnlyCandidate) {
    FakeTree t;
    std::string home = t.dir("jdk");
    t.file("jdk/" + kJvm);
    jbi_search s = empty_search();
    s.explicit_path = home.c_str();
    s.java_home = jbtest::kMissingDir;
    jbi_candidates c;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    ASSERT_EQ(c.count, 1u);
    EXPECT_EQ(std::string(c.items[0].path), home + D + kJvm);
    EXPECT_STREQ(c.items[0].origin, "jvm_path option");
    jbi_candidates_free(&c);
}

TEST(JvmDiscovery, OrderIsJavaHomeThenPathThenSystem) {
    FakeTree t;
    std::string home = t.dir("home-jdk");
    std::string jdk8 = t.dir("old");
    t.file("old/" + jbtest::kJdk8JvmInHome);
    std::string path_jdk = t.dir("pathjdk");
    t.file("pathjdk/" + kJvm);
    std::string java = t.file("pathjdk/bin/" + jbtest::kJavaLauncher, "#!/bin/sh\n");
#if defined(_WIN32)
    // No link: creating one needs a privilege a test should not assume. PATH names bin itself.
    std::string bin = path_jdk + D + "bin";
    std::string path_java = java;
#else
    chmod(java.c_str(), 0755);
    std::string bin = t.dir("bin");
    ASSERT_EQ(symlink(java.c_str(), (bin + "/java").c_str()), 0);
    std::string path_java = bin + "/java";
#endif
    std::string scan = t.dir("jvms");
    t.file("jvms/b-jdk/" + kJvm);
    t.file("jvms/a-jdk/" + kJvm);
    t.dir("jvms/not-a-jdk");
    std::string path_env = std::string(jbtest::kMissingDir) + jbtest::kListSep + bin;
    const char *homes[] = {jdk8.c_str()};
    const char *scans[] = {scan.c_str()};
    jbi_search s = empty_search();
    s.java_home = home.c_str();
    s.path_env = path_env.c_str();
    s.homes = homes;
    s.home_count = 1;
    s.scan_dirs = scans;
    s.scan_dir_count = 1;
    jbi_candidates c;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    ASSERT_EQ(c.count, 5u);
    EXPECT_EQ(std::string(c.items[0].path), home + D + kJvm);
    EXPECT_EQ(std::string(c.items[0].origin), "JAVA_HOME=" + home);
    EXPECT_EQ(std::string(c.items[1].path), path_jdk + D + kJvm) << "link resolved to the real home";
    EXPECT_EQ(std::string(c.items[1].origin), "java on PATH: " + path_java);
    EXPECT_EQ(std::string(c.items[2].path), jdk8 + D + jbtest::kJdk8JvmInHome);
    EXPECT_EQ(std::string(c.items[3].path), scan + D + "a-jdk" + D + kJvm);
    EXPECT_EQ(std::string(c.items[4].path), scan + D + "b-jdk" + D + kJvm);
    jbi_candidates_free(&c);
}

TEST(JvmDiscovery, ReportNamesEveryCandidateAndWhy) {
    FakeTree t;
    std::string bad_home = t.root() + D + "no-such-jdk";
    std::string fake = t.file("fake/" + kJvm);
    std::string home_fake = t.root() + D + "fake";
    const char *homes[] = {home_fake.c_str()};
    jbi_search s = empty_search();
    s.java_home = bad_home.c_str();
    s.path_env = jbtest::kMissingDir;
    s.homes = homes;
    s.home_count = 1;
    jbi_candidates c;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    ASSERT_EQ(c.count, 2u);
    char report[2048];
    size_t index = 99;
    EXPECT_EQ(jbi_jvm_load(&c, &index, report, sizeof report), nullptr);
    std::string r = report;
    EXPECT_NE(r.find(bad_home + D + kJvm + " (JAVA_HOME=" + bad_home + "): "), std::string::npos) << r;
    EXPECT_NE(r.find(fake + " (system location " + home_fake + "): "), std::string::npos) << r;
#if defined(_WIN32)
    EXPECT_NE(r.find("error 126"), std::string::npos) << r;  // ERROR_MOD_NOT_FOUND
    EXPECT_NE(r.find("error 193"), std::string::npos) << r;  // ERROR_BAD_EXE_FORMAT
#else
    EXPECT_NE(r.find("No such file"), std::string::npos) << r;
    EXPECT_NE(r.find("file too short"), std::string::npos) << r;
#endif
    jbi_candidates_free(&c);
}

TEST(JvmDiscovery, ALibraryWithoutTheInvocationApiIsRefused) {
    // libc (msvcrt) is a real shared library, but not a JVM.
    jbi_candidates c{};
    c.items[0].path = const_cast<char *>(jbtest::kNotAJvmButALibrary);
    c.items[0].origin = const_cast<char *>("test");
    c.count = 1;
    char report[512];
    size_t index = 0;
    EXPECT_EQ(jbi_jvm_load(&c, &index, report, sizeof report), nullptr);
    EXPECT_NE(std::string(report).find("exports no JNI_CreateJavaVM"), std::string::npos) << report;
}

TEST(JvmDiscovery, NoCandidatesSaysSo) {
    jbi_search s = empty_search();
    jbi_candidates c;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    EXPECT_EQ(c.count, 0u);
    char report[512];
    size_t index = 0;
    EXPECT_EQ(jbi_jvm_load(&c, &index, report, sizeof report), nullptr);
    EXPECT_NE(std::string(report).find("no candidates"), std::string::npos);
}

TEST(JvmDiscovery, TheRealJdkIsFoundAndLoads) {
    const char *home = std::getenv("JB_TEST_JAVA_HOME");
    if (home == nullptr || home[0] == '\0') GTEST_SKIP() << "JB_TEST_JAVA_HOME not set";
    jbi_search s = empty_search();
    s.java_home = home;
    jbi_candidates c;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    char report[1024];
    size_t index = 99;
    jbi_dynlib *lib = jbi_jvm_load(&c, &index, report, sizeof report);
    EXPECT_NE(lib, nullptr) << report;
    EXPECT_EQ(index, 0u);
    jbi_candidates_free(&c);
}

// issue 13 "Also": the error names every place searched, also those that gave no candidate.
TEST(JvmDiscovery, DescriptionNamesEveryPlaceSearched) {
    jbi_search s = empty_search();
    static const char *const homes[] = {"/nonexistent-jb-home"};
    static const char *const scans[] = {"/nonexistent-jb-jvms"};
    s.homes = homes;
    s.home_count = 1;
    s.scan_dirs = scans;
    s.scan_dir_count = 1;
    char text[512];
    jbi_search_describe(&s, text, sizeof text);
    std::string d = text;
    EXPECT_NE(d.find("jvm_path option (unset)"), std::string::npos) << d;
    EXPECT_NE(d.find("JAVA_HOME (unset)"), std::string::npos) << d;
    EXPECT_NE(d.find("PATH (unset)"), std::string::npos) << d;
    EXPECT_NE(d.find("/nonexistent-jb-home (missing)"), std::string::npos) << d;
    EXPECT_NE(d.find("the Java homes in /nonexistent-jb-jvms (missing)"), std::string::npos) << d;
    s.explicit_path = "/opt/jdk";
    jbi_search_describe(&s, text, sizeof text);
    EXPECT_NE(std::string(text).find("only the jvm_path option (/opt/jdk)"), std::string::npos) << text;
    char tiny[8];
    jbi_search_describe(&s, tiny, sizeof tiny);
    EXPECT_EQ(std::strlen(tiny), 7u);
}
