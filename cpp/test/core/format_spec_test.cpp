// The C-side guard in front of snprintf.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "format_spec.h"

namespace {
int check(const std::string &s, format_arg_kind *kind) {
    return format_spec_check(s.data(), s.size(), kind);
}
}  // namespace

TEST(FormatSpec, KindsOfSupportedConversions) {
    struct Case {
        const char *spec;
        format_arg_kind kind;
    } cases[] = {
        {"plain text", FORMAT_ARG_NONE}, {"100%%", FORMAT_ARG_NONE}, {"x=%d", FORMAT_ARG_INT},
        {"%c", FORMAT_ARG_INT},          {"%08x", FORMAT_ARG_UINT},  {"%ld", FORMAT_ARG_LONG},
        {"%lli", FORMAT_ARG_LONG},       {"%llu", FORMAT_ARG_ULONG}, {"%-10.3f", FORMAT_ARG_DOUBLE},
        {"%lf", FORMAT_ARG_DOUBLE},      {"%+e", FORMAT_ARG_DOUBLE}, {"[%.5s]", FORMAT_ARG_STRING},
    };
    for (const auto &c : cases) {
        format_arg_kind kind = FORMAT_ARG_STRING;
        EXPECT_EQ(check(c.spec, &kind), FORMAT_OK) << c.spec;
        EXPECT_EQ(kind, c.kind) << c.spec;
    }
}

TEST(FormatSpec, RefusesWhatSnprintfCannotDoSafely) {
    format_arg_kind kind;
    for (const char *bad : {"%n", "%hn", "%*d", "%.*f", "%q", "%", "abc%", "%lld%", "%Lf", "%lls", "%lc", "%zu", "%p"}) {
        EXPECT_LT(check(bad, &kind), 0) << bad;
    }
    EXPECT_EQ(check("%d %d", &kind), FORMAT_ERR_TOO_MANY);
    EXPECT_EQ(check("%5000d", &kind), FORMAT_ERR_FIELD_TOO_WIDE);
    EXPECT_EQ(check("%.99999f", &kind), FORMAT_ERR_FIELD_TOO_WIDE);
    EXPECT_EQ(check(std::string("a\0%d", 4), &kind), FORMAT_ERR_SYNTAX);
    EXPECT_EQ(format_spec_check(nullptr, 0, &kind), FORMAT_ERR_NULL);
}

TEST(FormatSpec, RefusesFlagsAndPrecisionsCLeavesUndefined) {
    format_arg_kind kind;
    for (const char *bad : {"%#d", "%#i", "%#u", "%#c", "%#s", "%05s", "%0c", "%.3c", "%-#5lld"}) {
        EXPECT_EQ(check(bad, &kind), FORMAT_ERR_SYNTAX) << bad;
    }
    for (const char *good : {"%#x", "%#o", "%#.3g", "%#a", "%05d", "%-05.2f", "%.0s", "%-5c", "%.3d", "%+ d"}) {
        EXPECT_EQ(check(good, &kind), FORMAT_OK) << good;
    }
}
