// libjvm discovery alone, against fake Java homes: the order of candidates, and a report that
// names every candidate with the reason it failed.
#include <gtest/gtest.h>

#include <filesystem>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

extern "C" {
#include "jvm_discovery.h"
}

namespace {
class FakeTree {
  public:
    FakeTree() {
        char tmpl[] = "/tmp/jb-jvm-XXXXXX";
        root_ = mkdtemp(tmpl);
    }
    ~FakeTree() {
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }
    std::string dir(const std::string &rel) const {
        std::filesystem::create_directories(root_ + "/" + rel);
        return root_ + "/" + rel;
    }
    std::string file(const std::string &rel, const std::string &content = "not an ELF file") const {
        std::string p = root_ + "/" + rel;
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
}  // namespace

TEST(JvmDiscovery, ExplicitPathIsTheOnlyCandidate) {
    FakeTree t;
    std::string home = t.dir("jdk");
    t.file("jdk/lib/server/libjvm.so");
    jbi_search s = empty_search();
    s.explicit_path = home.c_str();
    s.java_home = "/somewhere/else";
    jbi_candidates c;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    ASSERT_EQ(c.count, 1u);
    EXPECT_EQ(std::string(c.items[0].path), home + "/lib/server/libjvm.so");
    EXPECT_STREQ(c.items[0].origin, "jvm_path option");
    jbi_candidates_free(&c);
}

TEST(JvmDiscovery, OrderIsJavaHomeThenPathThenSystem) {
    FakeTree t;
    std::string home = t.dir("home-jdk");
    std::string jdk8 = t.dir("old");
    t.file("old/jre/lib/amd64/server/libjvm.so");
    std::string path_jdk = t.dir("pathjdk");
    t.file("pathjdk/lib/server/libjvm.so");
    std::string java = t.file("pathjdk/bin/java", "#!/bin/sh\n");
    chmod(java.c_str(), 0755);
    std::string bin = t.dir("bin");
    ASSERT_EQ(symlink(java.c_str(), (bin + "/java").c_str()), 0);
    std::string scan = t.dir("jvms");
    t.file("jvms/b-jdk/lib/server/libjvm.so");
    t.file("jvms/a-jdk/lib/server/libjvm.so");
    t.dir("jvms/not-a-jdk");
    std::string path_env = "/nonexistent-dir:" + bin;
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
    EXPECT_EQ(std::string(c.items[0].path), home + "/lib/server/libjvm.so");
    EXPECT_EQ(std::string(c.items[0].origin), "JAVA_HOME=" + home);
    EXPECT_EQ(std::string(c.items[1].path), path_jdk + "/lib/server/libjvm.so") << "symlink resolved to the real home";
    EXPECT_EQ(std::string(c.items[1].origin), "java on PATH: " + bin + "/java");
    EXPECT_EQ(std::string(c.items[2].path), jdk8 + "/jre/lib/amd64/server/libjvm.so");
    EXPECT_EQ(std::string(c.items[3].path), scan + "/a-jdk/lib/server/libjvm.so");
    EXPECT_EQ(std::string(c.items[4].path), scan + "/b-jdk/lib/server/libjvm.so");
    jbi_candidates_free(&c);
}

TEST(JvmDiscovery, ReportNamesEveryCandidateAndWhy) {
    FakeTree t;
    std::string bad_home = t.root() + "/no-such-jdk";
    std::string fake = t.file("fake/lib/server/libjvm.so");
    std::string home_fake = t.root() + "/fake";
    const char *homes[] = {home_fake.c_str()};
    jbi_search s = empty_search();
    s.java_home = bad_home.c_str();
    s.path_env = "/nonexistent-dir";
    s.homes = homes;
    s.home_count = 1;
    jbi_candidates c;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    ASSERT_EQ(c.count, 2u);
    char report[2048];
    size_t index = 99;
    EXPECT_EQ(jbi_jvm_load(&c, &index, report, sizeof report), nullptr);
    std::string r = report;
    EXPECT_NE(r.find(bad_home + "/lib/server/libjvm.so (JAVA_HOME=" + bad_home + "): "), std::string::npos) << r;
    EXPECT_NE(r.find("No such file"), std::string::npos) << r;
    EXPECT_NE(r.find(fake + " (system location " + home_fake + "): "), std::string::npos) << r;
    EXPECT_NE(r.find("file too short"), std::string::npos) << r;
    jbi_candidates_free(&c);
}

TEST(JvmDiscovery, ALibraryWithoutTheInvocationApiIsRefused) {
    // libc is a real shared library, but not a JVM.
    jbi_candidates c{};
    c.items[0].path = const_cast<char *>("libc.so.6");
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
    void *lib = jbi_jvm_load(&c, &index, report, sizeof report);
    EXPECT_NE(lib, nullptr) << report;
    EXPECT_EQ(index, 0u);
    jbi_candidates_free(&c);
}
