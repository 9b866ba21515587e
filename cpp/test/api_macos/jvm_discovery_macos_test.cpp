// libjvm discovery with macOS's tables (jvm_discovery.c built with JBI_DISCOVERY_MACOS), run on
// Linux against fake JDK bundles: no Mac is reachable, and the search is plain file system work.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "test_paths.h"

extern "C" {
#include "jvm_discovery.h"
}

namespace {
class Tree {
  public:
    Tree() : root_(jbtest::make_temp_dir("jb-macos-jvm")) {}
    ~Tree() {
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }
    std::string file(const std::string &rel) const {
        std::string p = root_ + "/" + rel;
        std::filesystem::create_directories(std::filesystem::path(p).parent_path());
        FILE *f = std::fopen(p.c_str(), "w");
        std::fputs("not a library", f);
        std::fclose(f);
        return p;
    }
    std::string dir(const std::string &rel) const {
        std::string p = root_ + "/" + rel;
        std::filesystem::create_directories(p);
        return p;
    }
    const std::string &root() const { return root_; }

  private:
    std::string root_;
};
}  // namespace

TEST(JvmDiscoveryMacos, DefaultsScanTheSystemJdkFolder) {
    jbi_search s;
    jbi_search_defaults(&s, nullptr);
    ASSERT_EQ(s.scan_dir_count, 1u);
    EXPECT_STREQ(s.scan_dirs[0], "/Library/Java/JavaVirtualMachines");
    EXPECT_EQ(s.home_count, 0u) << "no Linux system homes on macOS";
    char text[1024];
    jbi_search_describe(&s, text, sizeof text);
    EXPECT_NE(std::string(text).find("the Java homes in /Library/Java/JavaVirtualMachines"), std::string::npos) << text;
    jbi_search_release(&s);
}

TEST(JvmDiscoveryMacos, BundlesInTheScannedFolderAreFoundInsideContentsHome) {
    Tree t;
    std::string jvms = t.dir("JavaVirtualMachines");
    t.file("JavaVirtualMachines/temurin-21.jdk/Contents/Home/lib/server/libjvm.dylib");
    t.file("JavaVirtualMachines/zulu-8.jdk/Contents/Home/jre/lib/server/libjvm.dylib");
    t.file("JavaVirtualMachines/linux-leftover/lib/server/libjvm.so");
    t.dir("JavaVirtualMachines/empty.jdk/Contents/Home");
    const char *scans[] = {jvms.c_str()};
    jbi_search s{};
    s.scan_dirs = scans;
    s.scan_dir_count = 1;
    jbi_candidates c;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    ASSERT_EQ(c.count, 2u) << "only bundles that hold a libjvm.dylib";
    EXPECT_EQ(std::string(c.items[0].path), jvms + "/temurin-21.jdk/Contents/Home/lib/server/libjvm.dylib");
    EXPECT_EQ(std::string(c.items[1].path), jvms + "/zulu-8.jdk/Contents/Home/jre/lib/server/libjvm.dylib");
    EXPECT_EQ(std::string(c.items[0].origin), "system location " + jvms);
    jbi_candidates_free(&c);
}

TEST(JvmDiscoveryMacos, JavaHomeAndThePathsJavaLeadToLibjvmDylib) {
    Tree t;
    std::string home = t.dir("a.jdk/Contents/Home");
    t.file("a.jdk/Contents/Home/lib/server/libjvm.dylib");
    std::string other = t.dir("b.jdk/Contents/Home");
    t.file("b.jdk/Contents/Home/lib/server/libjvm.dylib");
    std::string java = t.file("b.jdk/Contents/Home/bin/java");
    chmod(java.c_str(), 0755);
    std::string bin = t.dir("bin");
    ASSERT_EQ(symlink(java.c_str(), (bin + "/java").c_str()), 0);
    std::string bundle = t.root() + "/b.jdk"; // a bundle given as JAVA_HOME works as well
    jbi_search s{};
    s.java_home = home.c_str();
    s.path_env = bin.c_str();
    jbi_candidates c;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    ASSERT_EQ(c.count, 2u);
    EXPECT_EQ(std::string(c.items[0].path), home + "/lib/server/libjvm.dylib");
    EXPECT_EQ(std::string(c.items[1].path), other + "/lib/server/libjvm.dylib");
    jbi_candidates_free(&c);
    s.java_home = bundle.c_str();
    s.path_env = nullptr;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    ASSERT_EQ(c.count, 1u);
    EXPECT_EQ(std::string(c.items[0].path), bundle + "/Contents/Home/lib/server/libjvm.dylib");
    jbi_candidates_free(&c);
}

TEST(JvmDiscoveryMacos, AHomeWithoutLibjvmNamesTheDylibItExpected) {
    Tree t;
    std::string home = t.dir("broken.jdk/Contents/Home");
    jbi_search s{};
    s.java_home = home.c_str();
    jbi_candidates c;
    ASSERT_EQ(jbi_jvm_candidates(&s, &c), 0);
    ASSERT_EQ(c.count, 1u);
    EXPECT_EQ(std::string(c.items[0].path), home + "/lib/server/libjvm.dylib");
    jbi_candidates_free(&c);
}
