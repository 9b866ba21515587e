// Strings cross as real UTF-8 through a real JVM: emoji and NUL survive both ways, invalid
// UTF-8 is refused, a Java string with a lone surrogate is refused, sizes up to 16 MiB.
#include "capi_fixture.h"

using namespace jbtest;

using Utf8 = WithVm;

TEST_F(Utf8, EmojiAndEmbeddedNulRoundTrip) {
    jb_method *echo = find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;");
    jb_method *points = find_static("codePoints", "(Ljava/lang/String;)Ljava/lang/String;");
    const std::string cases[] = {
        "", "plain", std::string("nul\0inside", 10), std::string("\0", 1),
        "\xF0\x9F\x98\x80", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",  // 😀, 👩‍💻 (ZWJ sequence)
        "\xC3\xA9\xE2\x82\xAC\xF4\x8F\xBF\xBF", "\xEF\xBF\xBF\xEF\xBB\xBF",   // é € U+10FFFF, U+FFFF BOM
    };
    for (const auto &s : cases) {
        int rc = 0;
        EXPECT_EQ(call_string(echo, s, &rc), s);
        EXPECT_EQ(rc, JB_OK) << jb_error_message();
    }
    // What Java saw: real code points, not modified UTF-8's pairs or C0 80.
    EXPECT_EQ(call_string(points, std::string("a\0\xF0\x9F\x98\x80", 6)), "61 0 1f600");
    jb_method *utf16_length = find_static("utf16Length", "(Ljava/lang/String;)I");
    jb_arg emoji = jb_arg_string("\xF0\x9F\x98\x80");
    int32_t n = 0;
    ASSERT_EQ(jb_call_static_int32(utf16_length, &emoji, 1, &n), JB_OK);
    EXPECT_EQ(n, 2);
    // Java's own UTF-8 encoder agrees byte for byte.
    jb_method *utf8_of = find_static("utf8Of", "(Ljava/lang/String;)[B");
    std::string s("z\0\xF0\x9F\x98\x80", 6);
    jb_arg a = jb_arg_string_n(s.data(), s.size());
    uint8_t *bytes = nullptr;
    size_t len = 0;
    ASSERT_EQ(jb_call_static_bytes(utf8_of, &a, 1, &bytes, &len), JB_OK);
    EXPECT_EQ(std::string(reinterpret_cast<char *>(bytes), len), s);
    jb_bytes_free(bytes);
}

TEST_F(Utf8, InvalidUtf8IsRefusedNotCorrupted) {
    jb_method *echo = find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;");
    const std::string bad[] = {
        "\xC0\x80", "\xED\xA0\x80", "\xED\xA0\xBD\xED\xB8\x80", "\xF4\x90\x80\x80", "ok\xF0\x9F\x98", "\x80", "\xFF",
    };
    for (const auto &s : bad) {
        int rc = 0;
        call_string(echo, s, &rc);
        EXPECT_EQ(rc, JB_EENCODING) << "input of " << s.size() << " bytes";
        EXPECT_NE(std::string(jb_error_message()).find("invalid UTF-8 at byte"), std::string::npos);
    }
}

TEST_F(Utf8, LoneSurrogateFromJavaIsAnError) {
    char *out = nullptr;
    EXPECT_EQ(jb_call_static_string(find_static("loneSurrogate", "()Ljava/lang/String;"), nullptr, 0, &out, nullptr),
              JB_EENCODING);
    EXPECT_EQ(out, nullptr);
}

TEST_F(Utf8, LargeStrings) {
    jb_method *echo = find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;");
    for (size_t size : {size_t(64) * 1024, size_t(16) * 1024 * 1024}) {
        std::string s;
        s.reserve(size);
        const std::string unit = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // 1+2+3+4 bytes
        while (s.size() + unit.size() <= size) s += unit;
        while (s.size() < size) s += 'x';
        int rc = 0;
        std::string back = call_string(echo, s, &rc);
        ASSERT_EQ(rc, JB_OK) << jb_error_message();
        EXPECT_EQ(back.size(), size);
        EXPECT_TRUE(back == s);
    }
}

TEST_F(Utf8, LengthsOverInt32AreRefusedWithoutReading) {
    jb_method *echo = find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;");
    jb_method *reverse = find_static("reverse", "([B)[B");
    const char tiny[] = "x";
    for (size_t len : {size_t(INT32_MAX) + 1, SIZE_MAX}) {
        jb_arg a = jb_arg_string_n(tiny, len);  // never read: the length is refused first
        char *out = nullptr;
        EXPECT_EQ(jb_call_static_string(echo, &a, 1, &out, nullptr), JB_ERANGE);
        jb_arg b = jb_arg_bytes(tiny, len);
        uint8_t *bytes = nullptr;
        size_t n = 0;
        EXPECT_EQ(jb_call_static_bytes(reverse, &b, 1, &bytes, &n), JB_ERANGE);
    }
}
