// The UTF-8 codec alone: every well-formed input round-trips byte for byte, every ill-formed
// class (overlong, surrogate, > U+10FFFF, truncated, stray continuation) is refused with its offset.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

extern "C" {
#include "utf8.h"
}

namespace {

std::u16string to16(const std::string &s, int *rc = nullptr, size_t *bad = nullptr) {
    size_t units = 0, off = 0;
    int r = jbi_utf8_to_utf16_length(s.data(), s.size(), &units, &off);
    if (rc) *rc = r;
    if (bad) *bad = off;
    if (r != JBI_UTF_OK) return u"";
    std::u16string out(units, u'\0');
    EXPECT_EQ(jbi_utf8_to_utf16(s.data(), s.size(), reinterpret_cast<uint16_t *>(&out[0])), units);
    return out;
}

std::string to8(const std::u16string &s, int replace, int *rc = nullptr) {
    size_t bytes = 0;
    int r = jbi_utf16_to_utf8_length(reinterpret_cast<const uint16_t *>(s.data()), s.size(), replace, &bytes, nullptr);
    if (rc) *rc = r;
    if (r != JBI_UTF_OK) return "";
    std::string out(bytes, '\0');
    EXPECT_EQ(jbi_utf16_to_utf8(reinterpret_cast<const uint16_t *>(s.data()), s.size(), replace, &out[0]), bytes);
    return out;
}

}  // namespace

TEST(Utf8, AsciiEmojiAndEmbeddedNulRoundTrip) {
    const std::string cases[] = {
        "", "hello", std::string("a\0b", 3), "\xC3\xA9t\xC3\xA9",        // été
        "\xE2\x82\xAC",                                                  // €
        "\xF0\x9F\x98\x80 smile", "\xF4\x8F\xBF\xBF",                    // U+1F600, U+10FFFF
        "\xEF\xBF\xBF", "\xED\x9F\xBF", "\xEE\x80\x80",                  // U+FFFF, U+D7FF, U+E000
    };
    for (const auto &s : cases) {
        int rc = 0;
        std::u16string u = to16(s, &rc);
        ASSERT_EQ(rc, JBI_UTF_OK) << s;
        EXPECT_EQ(to8(u, 0), s);
    }
    EXPECT_EQ(to16("\xF0\x9F\x98\x80"), std::u16string(u"\U0001F600"));
    EXPECT_EQ(to16("\xF0\x9F\x98\x80").size(), 2u);
}

TEST(Utf8, RefusesEveryIllFormedClassWithItsOffset) {
    struct Case { std::string bytes; size_t offset; const char *why; } cases[] = {
        {"\xC0\x80", 0, "overlong NUL (modified UTF-8)"},
        {"ab\xC1\xBF", 2, "overlong 2-byte"},
        {"\xE0\x80\xAF", 0, "overlong 3-byte"},
        {"\xF0\x80\x80\xAF", 0, "overlong 4-byte"},
        {"\xED\xA0\x80", 0, "high surrogate"},
        {"x\xED\xBF\xBF", 1, "low surrogate"},
        {"\xED\xA0\xBD\xED\xB8\x80", 0, "CESU-8 pair"},
        {"\xF4\x90\x80\x80", 0, "above U+10FFFF"},
        {"\xF5\x80\x80\x80", 0, "F5 lead"},
        {"\xFF", 0, "FF"},
        {"abc\x80", 3, "stray continuation"},
        {"\xE2\x82", 0, "truncated 3-byte"},
        {"ok\xF0\x9F\x98", 2, "truncated 4-byte"},
        {"\xE2\x28\xA1", 0, "bad continuation"},
    };
    for (const auto &c : cases) {
        int rc = 0;
        size_t bad = 99;
        to16(c.bytes, &rc, &bad);
        EXPECT_EQ(rc, JBI_UTF_INVALID) << c.why;
        EXPECT_EQ(bad, c.offset) << c.why;
    }
}

TEST(Utf8, LoneSurrogatesFromJavaAreRefusedOrReplaced) {
    const std::u16string lone_high = u"a\xD800" u"b";
    const std::u16string lone_low = u"\xDC00";
    const std::u16string reversed = u"\xDC00\xD800";
    for (const auto &s : {lone_high, lone_low, reversed}) {
        int rc = 0;
        to8(s, 0, &rc);
        EXPECT_EQ(rc, JBI_UTF_INVALID);
    }
    EXPECT_EQ(to8(lone_high, 1), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(to8(reversed, 1), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8, EveryScalarValueRoundTrips) {
    std::string all;
    std::u16string expected;
    for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        if (cp < 0x80) {
            all += static_cast<char>(cp);
        } else if (cp < 0x800) {
            all += static_cast<char>(0xC0 | (cp >> 6));
            all += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            all += static_cast<char>(0xE0 | (cp >> 12));
            all += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            all += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            all += static_cast<char>(0xF0 | (cp >> 18));
            all += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            all += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            all += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    int rc = 0;
    std::u16string u = to16(all, &rc);
    ASSERT_EQ(rc, JBI_UTF_OK);
    // U+0001..U+FFFF without the 2048 surrogates, then 2^20 supplementary characters of 2 units each.
    EXPECT_EQ(u.size(), (0xFFFFu - 0x800u) + 2u * 0x100000u);
    EXPECT_EQ(to8(u, 0), all);
}

TEST(Utf8, ModifiedFormSplitsSupplementaryCharactersAndRefusesNul) {
    std::string emoji = "\xF0\x9F\x98\x80";
    size_t n = 0;
    ASSERT_EQ(jbi_utf8_to_modified_length(emoji.data(), emoji.size(), &n, nullptr), JBI_UTF_OK);
    ASSERT_EQ(n, 6u);
    std::string out(n, '\0');
    jbi_utf8_to_modified(emoji.data(), emoji.size(), &out[0]);
    EXPECT_EQ(out, "\xED\xA0\xBD\xED\xB8\x80");
    std::string with_nul("a\0b", 3);
    EXPECT_EQ(jbi_utf8_to_modified_length(with_nul.data(), with_nul.size(), &n, nullptr), JBI_UTF_INVALID);
    std::string plain = "java/lang/Math";
    ASSERT_EQ(jbi_utf8_to_modified_length(plain.data(), plain.size(), &n, nullptr), JBI_UTF_OK);
    EXPECT_EQ(n, plain.size());
}

// Messages echo caller bytes: jbi_utf8_escape_invalid makes any text valid UTF-8 in place.
TEST(Utf8Escape, InvalidBytesBecomeHexEscapesAndValidTextStays) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s", "ok \xF0\x9F\x90\x9B (\xFF)V \xC0\x80 \xED\xA0\x80");
    size_t n = jbi_utf8_escape_invalid(buf, sizeof buf);
    EXPECT_STREQ(buf, "ok \xF0\x9F\x90\x9B (\\xFF)V \\xC0\\x80 \\xED\\xA0\\x80");
    EXPECT_EQ(n, std::strlen(buf));
}

TEST(Utf8Escape, GrowthIsCutAtTheBufferAndNeverOverflows) {
    for (size_t cap = 1; cap <= 24; cap++) {
        std::vector<char> buf(cap + 8, 'Z');
        std::string in(cap - 1, '\xFF');
        std::memcpy(buf.data(), in.c_str(), in.size() + 1);
        size_t n = jbi_utf8_escape_invalid(buf.data(), cap);
        EXPECT_LT(n, cap);
        EXPECT_EQ(buf[n], '\0');
        EXPECT_EQ(n % 4, 0u) << "only whole escapes are kept";
        for (size_t i = cap; i < buf.size(); i++) EXPECT_EQ(buf[i], 'Z') << "wrote past cap " << cap;
    }
    char truncated[8] = "ab\xE2\x98";  // a character cut by an earlier snprintf
    jbi_utf8_escape_invalid(truncated, sizeof truncated);
    EXPECT_STREQ(truncated, "ab\\xE2");
}
