// Every Java type @CExport maps, through the generated functions, against a real JVM.
#include <cfloat>
#include <cstring>
#include <string>
#include <vector>

#include "export_fixture.h"

using jbexport::Exports;

TEST_F(Exports, Int8) {
    int8_t out = 0;
    EXPECT_JB_OK(xt_negate_byte(5, &out));
    EXPECT_EQ(out, -5);
    EXPECT_JB_OK(xt_negate_byte(INT8_MIN, &out));
    EXPECT_EQ(out, INT8_MIN);  // Java wraps, as C would
    EXPECT_JB_OK(xt_negate_byte(INT8_MAX, &out));
    EXPECT_EQ(out, -INT8_MAX);
}

TEST_F(Exports, Int16) {
    int16_t out = 0;
    EXPECT_JB_OK(xt_negate_short(-300, &out));
    EXPECT_EQ(out, 300);
    EXPECT_JB_OK(xt_negate_short(INT16_MIN, &out));
    EXPECT_EQ(out, INT16_MIN);
}

TEST_F(Exports, Uint16IsJavaChar) {
    uint16_t out = 0;
    EXPECT_JB_OK(xt_next_char('A', &out));
    EXPECT_EQ(out, 'B');
    EXPECT_JB_OK(xt_next_char(0x7FFF, &out));
    EXPECT_EQ(out, 0x8000);  // unsigned both ways: no sign extension
    EXPECT_JB_OK(xt_next_char(UINT16_MAX, &out));
    EXPECT_EQ(out, 0);
}

TEST_F(Exports, Int32) {
    int32_t out = 0;
    EXPECT_JB_OK(xt_add_ints(40, 2, &out));
    EXPECT_EQ(out, 42);
    EXPECT_JB_OK(xt_add_ints(INT32_MAX, 1, &out));
    EXPECT_EQ(out, INT32_MIN);
}

TEST_F(Exports, Int64) {
    int64_t out = 0;
    EXPECT_JB_OK(xt_add_longs(INT64_C(1) << 40, 5, &out));
    EXPECT_EQ(out, (INT64_C(1) << 40) + 5);
    EXPECT_JB_OK(xt_add_longs(INT64_MAX, 1, &out));
    EXPECT_EQ(out, INT64_MIN);
}

TEST_F(Exports, FloatStaysFloat) {
    float out = 0;
    EXPECT_JB_OK(xt_half_float(3.0f, &out));
    EXPECT_EQ(out, 1.5f);
    EXPECT_JB_OK(xt_half_float(FLT_MAX, &out));
    EXPECT_EQ(out, FLT_MAX / 2);
    EXPECT_JB_OK(xt_half_float(FLT_TRUE_MIN * 2, &out));
    EXPECT_EQ(out, FLT_TRUE_MIN);  // a float subnormal: float arithmetic in Java, exactly
}

TEST_F(Exports, Double) {
    double out = 0;
    EXPECT_JB_OK(xt_half_double(-5.0, &out));
    EXPECT_EQ(out, -2.5);
    EXPECT_JB_OK(xt_half_double(DBL_MAX, &out));
    EXPECT_EQ(out, DBL_MAX / 2);
}

TEST_F(Exports, Bool) {
    bool out = true;
    EXPECT_JB_OK(xt_invert(true, &out));
    EXPECT_FALSE(out);
    EXPECT_JB_OK(xt_invert(false, &out));
    EXPECT_TRUE(out);
}

TEST_F(Exports, EveryPrimitiveInOneCall) {
    char *s = nullptr;
    size_t len = 0;
    EXPECT_JB_OK(xt_describe(-1, -2, 65535, -4, INT64_MIN, 1.5f, -2.25, true, &s, &len));
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(std::string(s, len), "-1 -2 65535 -4 -9223372036854775808 1.5 -2.25 true");
    xt_free_string(s);
}

TEST_F(Exports, VoidResultAndNoParameters) {
    EXPECT_JB_OK(xt_set_counter(7));
    int32_t out = 0;
    EXPECT_JB_OK(xt_get_counter(&out));
    EXPECT_EQ(out, 7);
    EXPECT_JB_OK(xt_set_counter(-1));
    EXPECT_JB_OK(xt_get_counter(&out));
    EXPECT_EQ(out, -1);
}

TEST_F(Exports, Utf8StringsWithEmojiRoundTrip) {
    // "héllo 🌍 👋🏽 family: 👨‍👩‍👧" : two-, four-byte sequences, a modifier, ZWJ joins
    const char *text = "h\xC3\xA9llo \xF0\x9F\x8C\x8D \xF0\x9F\x91\x8B\xF0\x9F\x8F\xBD family: "
                       "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
    char *out = nullptr;
    size_t len = 0;
    EXPECT_JB_OK(xt_echo(text, &out, &len));
    ASSERT_NE(out, nullptr);
    EXPECT_EQ(len, std::strlen(text));
    EXPECT_STREQ(out, text);
    xt_free_string(out);

    int32_t cps = 0;
    EXPECT_JB_OK(xt_code_points("\xF0\x9F\x8C\x8D", &cps));
    EXPECT_EQ(cps, 1);  // one code point, two UTF-16 units: Java saw real UTF-8, not modified UTF-8
    EXPECT_JB_OK(xt_code_points(text, &cps));
    EXPECT_EQ(cps, 24);

    uint8_t *bytes = nullptr;
    EXPECT_JB_OK(xt_utf8_of(text, &bytes, &len));
    ASSERT_EQ(len, std::strlen(text));
    EXPECT_EQ(std::memcmp(bytes, text, len), 0);
    xt_free_bytes(bytes);
}

TEST_F(Exports, NullStringIsJavaNullBothWays) {
    int32_t cps = 0;
    EXPECT_JB_OK(xt_code_points(nullptr, &cps));
    EXPECT_EQ(cps, -1);
    char *out = reinterpret_cast<char *>(&cps);  // must be overwritten with NULL
    size_t len = 99;
    EXPECT_JB_OK(xt_echo(nullptr, &out, &len));
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(len, 0u);
}

TEST_F(Exports, StringResultKeepsEmbeddedNulAndOutLenIsOptional) {
    char *out = nullptr;
    size_t len = 0;
    EXPECT_JB_OK(xt_with_nul(&out, &len));
    ASSERT_EQ(len, 3u);
    EXPECT_EQ(std::string(out, len), std::string("a\0b", 3));
    xt_free_string(out);
    out = nullptr;
    EXPECT_JB_OK(xt_with_nul(&out, nullptr));
    EXPECT_STREQ(out, "a");
    jb_string_free(out);  // the generated free function and the library's are the same
}

TEST_F(Exports, InvalidUtf8EitherWayIsEncodingError) {
    char *out = nullptr;
    EXPECT_EQ(xt_echo("bad \xC3\x28 byte", &out, nullptr), JB_EENCODING);
    EXPECT_EQ(jb_error_code(), JB_EENCODING);
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(xt_lone_surrogate(&out, nullptr), JB_EENCODING);
    EXPECT_EQ(out, nullptr);
}

TEST_F(Exports, ByteArraysBothWays) {
    const uint8_t in[] = {1, 2, 3, 0, 255};
    uint8_t *out = nullptr;
    size_t len = 0;
    EXPECT_JB_OK(xt_reverse(in, sizeof in, &out, &len));
    ASSERT_EQ(len, sizeof in);
    EXPECT_EQ(std::vector<uint8_t>(out, out + len), (std::vector<uint8_t>{255, 0, 3, 2, 1}));
    xt_free_bytes(out);

    int32_t n = 0;
    EXPECT_JB_OK(xt_length_of(in, 0, &n));
    EXPECT_EQ(n, 0);  // empty, not null
    EXPECT_JB_OK(xt_length_of(nullptr, 0, &n));
    EXPECT_EQ(n, -1);  // NULL is Java null

    out = nullptr;
    EXPECT_JB_OK(xt_reverse(in, 0, &out, &len));
    EXPECT_NE(out, nullptr);  // an empty array is a real (empty) buffer, not NULL
    EXPECT_EQ(len, 0u);
    xt_free_bytes(out);
    len = 7;
    EXPECT_JB_OK(xt_reverse(nullptr, 0, &out, &len));
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(len, 0u);
}

TEST_F(Exports, LargeByteArray) {
    std::vector<uint8_t> in(4 << 20);
    for (size_t i = 0; i < in.size(); i++) in[i] = static_cast<uint8_t>(i * 7);
    uint8_t *out = nullptr;
    size_t len = 0;
    EXPECT_JB_OK(xt_reverse(in.data(), in.size(), &out, &len));
    ASSERT_EQ(len, in.size());
    for (size_t i = 0; i < len; i += 4099) ASSERT_EQ(out[i], in[len - 1 - i]) << i;
    xt_free_bytes(out);
}

TEST_F(Exports, RecordOfEveryPrimitiveIsAStruct) {
    xt_sample in = {INT8_MAX, -2, 0xFFFE, INT32_MAX, -(INT64_C(1) << 40), 0.5f, -1.25, true};
    xt_sample out;
    std::memset(&out, 0, sizeof out);
    EXPECT_JB_OK(xt_bump(in, &out));
    EXPECT_EQ(out.b, INT8_MIN);
    EXPECT_EQ(out.s, -1);
    EXPECT_EQ(out.c, 0xFFFF);
    EXPECT_EQ(out.i, INT32_MIN);
    EXPECT_EQ(out.l, (-(INT64_C(1) << 40)) + 1);
    EXPECT_EQ(out.f, 1.5f);
    EXPECT_EQ(out.d, -0.25);
    EXPECT_FALSE(out.z);
}

TEST_F(Exports, RecordsInAndOut) {
    xt_pair p = {1, 2}, swapped = {0, 0};
    EXPECT_JB_OK(xt_swap(p, &swapped));
    EXPECT_EQ(swapped.left, 2);
    EXPECT_EQ(swapped.right, 1);
    int64_t dot = 0;
    EXPECT_JB_OK(xt_dot(xt_pair{INT32_MAX, 3}, xt_pair{INT32_MAX, 4}, &dot));
    EXPECT_EQ(dot, INT64_C(2147483647) * 2147483647 + 12);
}

TEST_F(Exports, NullRecordResultIsTypeError) {
    xt_pair out = {5, 6};
    EXPECT_EQ(xt_null_pair(&out), JB_ETYPE);
    EXPECT_NE(std::string(jb_error_message()).find("xt_null_pair"), std::string::npos) << jb_error_message();
    EXPECT_NE(std::string(jb_error_message()).find("returned null"), std::string::npos) << jb_error_message();
    EXPECT_EQ(out.left, 5);  // untouched on failure
}

TEST_F(Exports, NamesCustomClashingAndNested) {
    int32_t out = 0;
    EXPECT_JB_OK(xt_custom_name(&out));
    EXPECT_EQ(out, 42);
    EXPECT_JB_OK(xt_clash(3, 4, &out));  // Java parameters named out and out_len
    EXPECT_EQ(out, 34);
    EXPECT_JB_OK(xt_twice(21, &out));  // declared in ExportTarget$Nested
    EXPECT_EQ(out, 42);
}
