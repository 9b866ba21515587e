// Class path building alone: "dir/*" expands to the jars in dir, sorted, as the launcher does.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <string>

#include "test_paths.h"

extern "C" {
#include "classpath.h"
}

namespace {
class TempDir {
  public:
    TempDir() : path_(jbtest::make_temp_dir("jb-cp")) {}
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    void touch(const std::string &name) const {
        FILE *f = std::fopen((path_ + jbtest::native("/") + name).c_str(), "w");
        ASSERT_NE(f, nullptr);
        std::fclose(f);
    }
    const std::string &path() const { return path_; }

  private:
    std::string path_;
};

std::string build(std::initializer_list<const char *> entries, int *rc = nullptr, size_t *bad = nullptr) {
    std::vector<const char *> v(entries);
    char *out = nullptr;
    size_t b = 99;
    int r = jbi_classpath_build(v.data(), v.size(), &out, &b);
    if (rc) *rc = r;
    if (bad) *bad = b;
    std::string s = out ? out : "";
    std::free(out);
    return s;
}
const std::string S = jbtest::kListSep;
const std::string D = jbtest::native("/");
}  // namespace

TEST(ClassPath, PlainEntriesAreJoined) {
    EXPECT_EQ(build({"a.jar"}), "a.jar");
    EXPECT_EQ(build({"a.jar", "classes", "/abs/b.jar"}), "a.jar" + S + "classes" + S + "/abs/b.jar");
    char *out = nullptr;
    ASSERT_EQ(jbi_classpath_build(nullptr, 0, &out, nullptr), JBI_CP_OK);
    EXPECT_STREQ(out, "");
    std::free(out);
}

TEST(ClassPath, WildcardExpandsToSortedJarsOnly) {
    TempDir d;
    d.touch("b.jar");
    d.touch("a.JAR");
    d.touch("c.jar");
    d.touch("notes.txt");
    d.touch("jar");
    std::filesystem::create_directory(d.path() + D + "sub.jar.d");
    std::string wildcard = d.path() + D + "*";
    int rc = 0;
    std::string cp = build({"first.jar", wildcard.c_str(), "last"}, &rc);
    ASSERT_EQ(rc, JBI_CP_OK);
    EXPECT_EQ(cp, "first.jar" + S + d.path() + D + "a.JAR" + S + d.path() + D + "b.jar" + S + d.path() + D + "c.jar" + S +
                      "last");
}

#if defined(_WIN32)
TEST(ClassPath, ForwardSlashWildcardWorksOnWindowsToo) {
    TempDir d;
    d.touch("a.jar");
    std::string wildcard = d.path() + "/*";
    EXPECT_EQ(build({wildcard.c_str()}), d.path() + "/a.jar");
}
#endif

TEST(ClassPath, EmptyDirectoryContributesNothing) {
    TempDir d;
    std::string wildcard = d.path() + D + "*";
    EXPECT_EQ(build({wildcard.c_str()}), "");
    EXPECT_EQ(build({"a", wildcard.c_str(), "b"}), "a" + S + "b");
}

TEST(ClassPath, OnlyATrailingStarComponentIsAWildcard) {
    EXPECT_EQ(build({"dir/x*"}), "dir/x*");
    EXPECT_EQ(build({"dir/*.jar"}), "dir/*.jar");
}

TEST(ClassPath, RefusesBadEntriesNamingThem) {
    int rc = 0;
    size_t bad = 0;
    std::string with_separator = "a" + S + "b";
    build({"ok.jar", with_separator.c_str()}, &rc, &bad);
    EXPECT_EQ(rc, JBI_CP_INVALID);
    EXPECT_EQ(bad, 1u);
    build({""}, &rc, &bad);
    EXPECT_EQ(rc, JBI_CP_INVALID);
    EXPECT_EQ(bad, 0u);
    std::string missing = std::string(jbtest::kMissingDir) + D + "*";
    build({"x", "y", missing.c_str()}, &rc, &bad);
    EXPECT_EQ(rc, JBI_CP_NODIR);
    EXPECT_EQ(bad, 2u);
#if defined(_WIN32)
    // A drive letter's ':' is part of a Windows path, not a separator.
    EXPECT_EQ(build({"C:\\lib\\a.jar", "C:/lib/b.jar"}, &rc), "C:\\lib\\a.jar;C:/lib/b.jar");
    EXPECT_EQ(rc, JBI_CP_OK);
#endif
    const char *with_null[] = {"a", nullptr};
    char *out = nullptr;
    EXPECT_EQ(jbi_classpath_build(with_null, 2, &out, &bad), JBI_CP_INVALID);
    EXPECT_EQ(jbi_classpath_build(nullptr, 1, &out, &bad), JBI_CP_INVALID);
}

// issue 13 item 8: "x:y.jar" in a wildcard folder reached the JVM as the two entries "x" and
// "y.jar" (the second from the current directory). Listed names get the entries' check.
TEST(ClassPath, WildcardLeavesOutJarsWhoseNamesHoldTheSeparator) {
    TempDir d;
    d.touch("good.jar");
#ifdef _WIN32
    const char *evil = "x;y.jar";
#else
    const char *evil = "x:y.jar";
#endif
    d.touch(evil);
    std::string wildcard = d.path() + D + "*";
    const char *entries[] = {wildcard.c_str()};
    char *out = nullptr;
    size_t bad = 99, skipped = 0;
    ASSERT_EQ(jbi_classpath_build_ex(entries, 1, &out, &bad, &skipped), JBI_CP_OK);
    EXPECT_EQ(std::string(out), d.path() + D + "good.jar");
    EXPECT_EQ(skipped, 1u);
    std::free(out);
}
