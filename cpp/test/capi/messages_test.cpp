// issue 13 items 11 and 12: every last-error message is valid UTF-8 (bad input bytes escaped,
// names shown as the caller wrote them, not in JNI's modified UTF-8), and a Java message with
// an embedded NUL comes back whole, with its length.
#include "capi_fixture.h"

#include <cstring>
#include <string>

using namespace jbtest;

namespace {
// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(const std::string &s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; k++)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        unsigned char d = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
        if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F))
            return false;
        i += n;
    }
    return true;
}
}  // namespace

using Messages = WithVm;

TEST_F(Messages, JavaMessageWithNulComesBackWithItsLength) {
    jb_method *iae = find_static("throwIllegalArgument", "(Ljava/lang/String;)I");
    static const char text[] = "before\0after \xF0\x9F\x90\x9B";
    jb_arg msg = jb_arg_string_n(text, sizeof text - 1);
    int32_t i = 0;
    ASSERT_EQ(jb_call_static_int32(iae, &msg, 1, &i), JB_EJAVA);
    ASSERT_NE(jb_error_java_message(), nullptr);
    ASSERT_EQ(jb_error_java_message_length(), sizeof text - 1);
    EXPECT_EQ(std::memcmp(jb_error_java_message(), text, sizeof text - 1), 0);
    // No message: NULL and 0; a later non-Java failure resets the length too.
    ASSERT_EQ(jb_call_static_void(find_static("throwNoMessage", "()V"), nullptr, 0), JB_EJAVA);
    EXPECT_EQ(jb_error_java_message(), nullptr);
    EXPECT_EQ(jb_error_java_message_length(), 0u);
    ASSERT_EQ(jb_call_static_int32(iae, &msg, 1, &i), JB_EJAVA);
    EXPECT_EQ(jb_call_static_int32(nullptr, &msg, 1, &i), JB_EINVAL);
    EXPECT_EQ(jb_error_java_message_length(), 0u);
    jb_method_free(iae);
}

TEST_F(Messages, InvalidUtf8InASignatureIsEscaped) {
    jb_method *m = nullptr;
    EXPECT_EQ(jb_method_find_static(kTarget, "add", "(\xFF)V", &m), JB_ESIGNATURE);
    std::string msg = jb_error_message();
    EXPECT_TRUE(valid_utf8(msg)) << msg;
    EXPECT_NE(msg.find("(\\xFF)V"), std::string::npos) << msg;
}

TEST_F(Messages, InvalidUtf8InANameIsEscaped) {
    jb_method *m = nullptr;
    // C0 80 is JNI's modified-UTF-8 NUL: not UTF-8.
    EXPECT_EQ(jb_method_find_static("bad\xC0\x80name", "x", "()V", &m), JB_EENCODING);
    EXPECT_TRUE(valid_utf8(jb_error_message())) << jb_error_message();
    EXPECT_EQ(jb_method_find_static(kTarget, "odd\xED\xA0\x80", "()V", &m), JB_EENCODING);
    EXPECT_TRUE(valid_utf8(jb_error_message())) << jb_error_message();
}

// A character above U+FFFF is two 3-byte surrogates in modified UTF-8: the message must show
// the caller's 4-byte form.
TEST_F(Messages, ClassNamesAreShownAsTheCallerWroteThem) {
    jb_method *m = nullptr;
    const char *name = "no.such.Class\xF0\x9F\x90\x9B";
    EXPECT_EQ(jb_method_find_static(name, "x", "()V", &m), JB_ECLASS);
    std::string msg = jb_error_message();
    EXPECT_TRUE(valid_utf8(msg)) << msg;
    EXPECT_NE(msg.find("Class\xF0\x9F\x90\x9B"), std::string::npos) << msg;
    EXPECT_EQ(jb_method_find_static("dev.javabridge.capi.CapiTarget", "x\xF0\x9F\x90\x9B", "(Lno/such/Param\xF0\x9F\x90\x9B;)V", &m), JB_EMETHOD);
    msg = jb_error_message();
    EXPECT_TRUE(valid_utf8(msg)) << msg;
    EXPECT_NE(msg.find("Param\xF0\x9F\x90\x9B"), std::string::npos) << msg;
}
