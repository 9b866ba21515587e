// Class path building alone: "dir/*" expands to the jars in dir, sorted, as the launcher does.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

extern "C" {
#include "classpath.h"
}

namespace {
class TempDir {
  public:
    TempDir() {
        char tmpl[] = "/tmp/jb-cp-XXXXXX";
        path_ = mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    void touch(const std::string &name) const {
        FILE *f = std::fopen((path_ + "/" + name).c_str(), "w");
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
}  // namespace

TEST(ClassPath, PlainEntriesAreJoined) {
    EXPECT_EQ(build({"a.jar"}), "a.jar");
    EXPECT_EQ(build({"a.jar", "classes", "/abs/b.jar"}), "a.jar:classes:/abs/b.jar");
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
    mkdir((d.path() + "/sub.jar.d").c_str(), 0700);
    std::string wildcard = d.path() + "/*";
    int rc = 0;
    std::string cp = build({"first.jar", wildcard.c_str(), "last"}, &rc);
    ASSERT_EQ(rc, JBI_CP_OK);
    EXPECT_EQ(cp, "first.jar:" + d.path() + "/a.JAR:" + d.path() + "/b.jar:" + d.path() + "/c.jar:last");
}

TEST(ClassPath, EmptyDirectoryContributesNothing) {
    TempDir d;
    std::string wildcard = d.path() + "/*";
    EXPECT_EQ(build({wildcard.c_str()}), "");
    EXPECT_EQ(build({"a", wildcard.c_str(), "b"}), "a:b");
}

TEST(ClassPath, OnlyATrailingStarComponentIsAWildcard) {
    EXPECT_EQ(build({"dir/x*"}), "dir/x*");
    EXPECT_EQ(build({"dir/*.jar"}), "dir/*.jar");
}

TEST(ClassPath, RefusesBadEntriesNamingThem) {
    int rc = 0;
    size_t bad = 0;
    build({"ok.jar", "a:b"}, &rc, &bad);
    EXPECT_EQ(rc, JBI_CP_INVALID);
    EXPECT_EQ(bad, 1u);
    build({""}, &rc, &bad);
    EXPECT_EQ(rc, JBI_CP_INVALID);
    EXPECT_EQ(bad, 0u);
    build({"x", "y", "/nonexistent-jb-dir/*"}, &rc, &bad);
    EXPECT_EQ(rc, JBI_CP_NODIR);
    EXPECT_EQ(bad, 2u);
    const char *with_null[] = {"a", nullptr};
    char *out = nullptr;
    EXPECT_EQ(jbi_classpath_build(with_null, 2, &out, &bad), JBI_CP_INVALID);
    EXPECT_EQ(jbi_classpath_build(nullptr, 1, &out, &bad), JBI_CP_INVALID);
}
