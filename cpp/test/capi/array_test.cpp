// Every primitive type as an exact-type argument and result, every primitive array and String[]
// in and out, against a real JVM under -Xcheck:jni.
#include "capi_fixture.h"

#include <climits>
#include <cstring>

using namespace jbtest;

namespace {
constexpr const char *kData = "dev.javabridge.capi.CapiData";

jb_method *data_static(const char *name, const char *sig) { return find_static(name, sig, kData); }

using Primitives = WithVm;
using Arrays = WithVm;

TEST_F(Primitives, NarrowTypesCrossExactly) {
    int8_t b = 0;
    jb_arg a8 = jb_arg_int8(-128);
    jb_method *neg_byte = data_static("negByte", "(B)B");
    ASSERT_EQ(jb_call_static_int8(neg_byte, &a8, 1, &b), JB_OK) << jb_error_message();
    EXPECT_EQ(b, -128) << "Java byte negation wraps";
    a8 = jb_arg_int8(5);
    ASSERT_EQ(jb_call_static_int8(neg_byte, &a8, 1, &b), JB_OK);
    EXPECT_EQ(b, -5);

    int16_t s = 0;
    jb_arg a16 = jb_arg_int16(12345);
    ASSERT_EQ(jb_call_static_int16(data_static("negShort", "(S)S"), &a16, 1, &s), JB_OK);
    EXPECT_EQ(s, -12345);

    uint16_t c = 0;
    jb_arg ac = jb_arg_uint16(0xFFFE);
    ASSERT_EQ(jb_call_static_uint16(data_static("nextChar", "(C)C"), &ac, 1, &c), JB_OK);
    EXPECT_EQ(c, 0xFFFF);

    float f = 0;
    jb_arg af = jb_arg_float(1.1f);
    ASSERT_EQ(jb_call_static_float(data_static("twiceFloat", "(F)F"), &af, 1, &f), JB_OK);
    EXPECT_EQ(f, 1.1f * 2) << "float arithmetic, not double";

    jb_method *all = data_static("describeAll", "(ZBSCIJFD)Ljava/lang/String;");
    jb_arg args[] = {jb_arg_bool(true), jb_arg_int8(-1), jb_arg_int16(-2), jb_arg_uint16(65535), jb_arg_int32(-4),
                     jb_arg_int64(INT64_MIN), jb_arg_float(0.5f), jb_arg_double(0.25)};
    char *out = nullptr;
    ASSERT_EQ(jb_call_static_string(all, args, 8, &out, nullptr), JB_OK) << jb_error_message();
    EXPECT_STREQ(out, "true,-1,-2,65535,-4,-9223372036854775808,0.5,0.25");
    jb_string_free(out);
}

TEST_F(Primitives, ExactCarriersRefuseOtherTypes) {
    int8_t b = 0;
    int16_t s = 0;
    uint16_t c = 0;
    float f = 0;
    int32_t i = 0;
    jb_method *neg_byte = data_static("negByte", "(B)B");
    jb_arg wrong[] = {jb_arg_int16(1), jb_arg_uint16(1), jb_arg_float(1), jb_arg_string("1")};
    for (const jb_arg &w : wrong) {
        EXPECT_EQ(jb_call_static_int8(neg_byte, &w, 1, &b), JB_ETYPE) << "arg type " << w.type;
    }
    jb_arg a8 = jb_arg_int8(1);
    EXPECT_EQ(jb_call_static_int16(data_static("negShort", "(S)S"), &a8, 1, &s), JB_ETYPE) << "int8 is not short";
    EXPECT_EQ(jb_call_static_uint16(data_static("negByte", "(B)B"), &a8, 1, &c), JB_ETYPE) << "a byte is not read as char";
    EXPECT_EQ(jb_call_static_float(data_static("negByte", "(B)B"), &a8, 1, &f), JB_ETYPE);
    jb_arg ad = jb_arg_double(1);
    EXPECT_EQ(jb_call_static_float(data_static("twiceFloat", "(F)F"), &ad, 1, &f), JB_OK) << "double still converts to F";
    jb_arg af = jb_arg_float(1);
    EXPECT_EQ(jb_call_static_int32(data_static("negShort", "(S)S"), &af, 1, &i), JB_ETYPE);
    // The old widening reads still work on the new types' methods.
    ASSERT_EQ(jb_call_static_int32(neg_byte, &a8, 1, &i), JB_OK);
    EXPECT_EQ(i, -1);
    EXPECT_EQ(jb_call_static_int8(neg_byte, &a8, 1, nullptr), JB_EINVAL);
}

template <typename T>
void expect_reversed(jb_method *m, jb_arg in, jb_elem elem, const std::vector<T> &src) {
    void *out = nullptr;
    size_t n = 99;
    ASSERT_EQ(jb_call_static_array(m, &in, 1, elem, &out, &n), JB_OK) << jb_error_message();
    ASSERT_EQ(n, src.size());
    const T *r = static_cast<const T *>(out);
    for (size_t k = 0; k < n; k++) EXPECT_EQ(r[k], src[n - 1 - k]) << "element " << k;
    jb_array_free(out);
}

TEST_F(Arrays, EveryPrimitiveArrayRoundTrips) {
    bool zs[] = {true, false, false};
    std::vector<bool> zv(zs, zs + 3);
    void *out = nullptr;
    size_t n = 0;
    jb_arg az = jb_arg_bool_array(zs, 3);
    ASSERT_EQ(jb_call_static_array(data_static("reverse", "([Z)[Z"), &az, 1, JB_ELEM_BOOL, &out, &n), JB_OK)
        << jb_error_message();
    ASSERT_EQ(n, 3u);
    EXPECT_FALSE(static_cast<bool *>(out)[0]);
    EXPECT_TRUE(static_cast<bool *>(out)[2]);
    jb_array_free(out);

    std::vector<int8_t> b = {-128, 0, 127, 5};
    expect_reversed(data_static("reverse", "([B)[B"), jb_arg_int8_array(b.data(), b.size()), JB_ELEM_INT8, b);
    std::vector<int16_t> s = {-32768, 1, 32767};
    expect_reversed(data_static("reverse", "([S)[S"), jb_arg_int16_array(s.data(), s.size()), JB_ELEM_INT16, s);
    std::vector<uint16_t> c = {0, 0xD800, 0xFFFF};
    expect_reversed(data_static("reverse", "([C)[C"), jb_arg_uint16_array(c.data(), c.size()), JB_ELEM_UINT16, c);
    std::vector<int32_t> i = {INT32_MIN, -1, 0, INT32_MAX};
    expect_reversed(data_static("reverse", "([I)[I"), jb_arg_int32_array(i.data(), i.size()), JB_ELEM_INT32, i);
    std::vector<int64_t> j = {INT64_MIN, 2, INT64_MAX};
    expect_reversed(data_static("reverse", "([J)[J"), jb_arg_int64_array(j.data(), j.size()), JB_ELEM_INT64, j);
    std::vector<float> f = {-0.5f, 1e30f, 3.25f};
    expect_reversed(data_static("reverse", "([F)[F"), jb_arg_float_array(f.data(), f.size()), JB_ELEM_FLOAT, f);
    std::vector<double> d = {1e-300, -2.5, 0.0};
    expect_reversed(data_static("reverse", "([D)[D"), jb_arg_double_array(d.data(), d.size()), JB_ELEM_DOUBLE, d);
}

TEST_F(Arrays, EmptyNullLargeAndObjectTyped) {
    jb_method *len = data_static("lengthOf", "(Ljava/lang/Object;)I");
    int32_t n = 0;
    int32_t one = 1;
    jb_arg empty = jb_arg_int32_array(&one, 0);
    ASSERT_EQ(jb_call_static_int32(len, &empty, 1, &n), JB_OK) << jb_error_message();
    EXPECT_EQ(n, 0) << "an empty array, not null";
    jb_arg null_arr = jb_arg_int32_array(nullptr, 5);
    ASSERT_EQ(jb_call_static_int32(len, &null_arr, 1, &n), JB_OK);
    EXPECT_EQ(n, -1) << "NULL data passes null";

    void *out = reinterpret_cast<void *>(1);
    size_t count = 7;
    ASSERT_EQ(jb_call_static_array(data_static("nullInts", "()[I"), nullptr, 0, JB_ELEM_INT32, &out, &count), JB_OK);
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(count, 0u);
    ASSERT_EQ(jb_call_static_array(data_static("intsAsObject", "()Ljava/lang/Object;"), nullptr, 0, JB_ELEM_INT32, &out,
                                   &count), JB_OK) << "an Object result holding an int[]";
    ASSERT_EQ(count, 3u);
    EXPECT_EQ(static_cast<int32_t *>(out)[2], 3);
    jb_array_free(out);

    jb_arg big = jb_arg_int32(1 << 20);
    ASSERT_EQ(jb_call_static_array(data_static("big", "(I)[I"), &big, 1, JB_ELEM_INT32, &out, &count), JB_OK);
    ASSERT_EQ(count, size_t(1) << 20);
    int64_t expect_sum = 0, sum = 0;
    for (size_t k = 0; k < count; k++) expect_sum += int64_t(k) * 7;
    jb_arg back = jb_arg_int32_array(static_cast<int32_t *>(out), count);
    ASSERT_EQ(jb_call_static_int64(data_static("sum", "([I)J"), &back, 1, &sum), JB_OK);
    EXPECT_EQ(sum, expect_sum);
    jb_array_free(out);
}

TEST_F(Arrays, BadInputIsRefusedBeforeJava) {
    jb_method *rev = data_static("reverse", "([I)[I");
    void *out = nullptr;
    size_t n = 0;
    int64_t l = 0;
    int32_t i32 = 0;
    int64_t longs[] = {1};
    jb_arg wrong = jb_arg_int64_array(longs, 1);
    EXPECT_EQ(jb_call_static_array(rev, &wrong, 1, JB_ELEM_INT32, &out, &n), JB_ETYPE) << "long[] for int[]";
    int32_t ints[] = {1, 2};
    jb_arg ok = jb_arg_int32_array(ints, 2);
    EXPECT_EQ(jb_call_static_array(rev, &ok, 1, JB_ELEM_INT64, &out, &n), JB_ETYPE) << "int[] read as long[]";
    EXPECT_EQ(jb_call_static_array(rev, &ok, 1, static_cast<jb_elem>(0), &out, &n), JB_EINVAL);
    EXPECT_EQ(jb_call_static_array(rev, &ok, 1, static_cast<jb_elem>(99), &out, &n), JB_EINVAL);
    EXPECT_EQ(jb_call_static_array(rev, &ok, 1, JB_ELEM_INT32, nullptr, &n), JB_EINVAL);
    EXPECT_EQ(jb_call_static_array(rev, &ok, 1, JB_ELEM_INT32, &out, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_call_static_int64(rev, &ok, 1, &l), JB_ETYPE) << "an array result is not an int64";
    // Over INT32_MAX elements: refused from the count alone, the buffer is never read.
    jb_arg huge = jb_arg_int32_array(ints, size_t(INT32_MAX) + 1);
    EXPECT_EQ(jb_call_static_array(rev, &huge, 1, JB_ELEM_INT32, &out, &n), JB_ERANGE);
    EXPECT_NE(std::string(jb_error_message()).find("INT32_MAX"), std::string::npos) << jb_error_message();
    const char *strs[] = {"a"};
    jb_arg huge_strs = jb_arg_strings(strs, size_t(INT32_MAX) + 1);
    EXPECT_EQ(jb_call_static_int32(data_static("lengthOf", "(Ljava/lang/Object;)I"), &huge_strs, 1, &i32), JB_ERANGE);
    // A primitive parameter takes no array, and an array parameter no scalar.
    jb_arg scalar = jb_arg_int32(1);
    EXPECT_EQ(jb_call_static_array(rev, &scalar, 1, JB_ELEM_INT32, &out, &n), JB_ETYPE);
    EXPECT_EQ(jb_call_static_int8(data_static("negByte", "(B)B"), &ok, 1, reinterpret_cast<int8_t *>(&i32)), JB_ETYPE);
    // String[] is not a String.
    jb_arg as = jb_arg_strings(strs, 1);
    char *s = nullptr;
    EXPECT_EQ(jb_call_static_string(find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;"), &as, 1, &s, nullptr),
              JB_ETYPE);
}

TEST_F(Arrays, StringArraysInAndOut) {
    jb_method *rev = data_static("reverse", "([Ljava/lang/String;)[Ljava/lang/String;");
    const char *in[] = {"plain", "h\xc3\xa9", nullptr, "\xf0\x9f\x98\x80 emoji"};
    jb_arg a = jb_arg_strings(in, 4);
    char **out = nullptr;
    size_t n = 0;
    ASSERT_EQ(jb_call_static_strings(rev, &a, 1, &out, &n), JB_OK) << jb_error_message();
    ASSERT_EQ(n, 4u);
    EXPECT_STREQ(out[0], in[3]);
    EXPECT_EQ(out[1], nullptr) << "a null element stays null";
    EXPECT_STREQ(out[2], in[1]);
    EXPECT_STREQ(out[3], in[0]);
    jb_strings_free(out, n);

    jb_method *joined = data_static("joined", "([Ljava/lang/String;)Ljava/lang/String;");
    char *s = nullptr;
    jb_arg none = jb_arg_strings(in, 0);
    ASSERT_EQ(jb_call_static_string(joined, &none, 1, &s, nullptr), JB_OK);
    EXPECT_STREQ(s, "");
    jb_string_free(s);
    jb_arg null_arr = jb_arg_strings(nullptr, 3);
    ASSERT_EQ(jb_call_static_string(joined, &null_arr, 1, &s, nullptr), JB_OK);
    EXPECT_STREQ(s, "null");
    jb_string_free(s);

    const char *bad[] = {"fine", "bad \xc3(", "never read"};
    jb_arg b = jb_arg_strings(bad, 3);
    EXPECT_EQ(jb_call_static_string(joined, &b, 1, &s, nullptr), JB_EENCODING);
    EXPECT_NE(std::string(jb_error_message()).find("element 1"), std::string::npos) << jb_error_message();
    const char *overlong[] = {"\xc0\xaf"};
    jb_arg o = jb_arg_strings(overlong, 1);
    EXPECT_EQ(jb_call_static_string(joined, &o, 1, &s, nullptr), JB_EENCODING);

    EXPECT_EQ(jb_call_static_strings(data_static("withLoneSurrogate", "()[Ljava/lang/String;"), nullptr, 0, &out, &n),
              JB_EENCODING);
    ASSERT_EQ(jb_call_static_strings(data_static("withNull", "()[Ljava/lang/String;"), nullptr, 0, &out, &n), JB_OK);
    ASSERT_EQ(n, 3u);
    EXPECT_STREQ(out[2], "c");
    EXPECT_EQ(out[1], nullptr);
    jb_strings_free(out, n);
    EXPECT_EQ(jb_call_static_strings(data_static("reverse", "([I)[I"), &a, 1, &out, &n), JB_ETYPE)
        << "String[] for int[]";
    int32_t ints[] = {1};
    jb_arg ia = jb_arg_int32_array(ints, 1);
    EXPECT_EQ(jb_call_static_strings(data_static("reverse", "([I)[I"), &ia, 1, &out, &n), JB_ETYPE)
        << "int[] read as String[]";
    jb_strings_free(nullptr, 3);
}

TEST_F(Arrays, ThreadsCopyConcurrently) {
    jb_method *rev = data_static("reverse", "([J)[J");
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; t++) {
        threads.emplace_back([&, t] {
            std::vector<int64_t> v(1000);
            for (int round = 0; round < 200; round++) {
                for (size_t k = 0; k < v.size(); k++) v[k] = int64_t(t) * 1000000 + round * 1000 + int64_t(k);
                jb_arg a = jb_arg_int64_array(v.data(), v.size());
                void *out = nullptr;
                size_t n = 0;
                if (jb_call_static_array(rev, &a, 1, JB_ELEM_INT64, &out, &n) != JB_OK || n != v.size() ||
                    static_cast<int64_t *>(out)[0] != v.back()) {
                    failures++;
                }
                jb_array_free(out);
            }
        });
    }
    for (auto &th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
}

TEST(ArrayHelpers, ElementSizesNeedNoJvm) {
    EXPECT_EQ(jb_elem_size(JB_ELEM_BOOL), sizeof(bool));
    EXPECT_EQ(jb_elem_size(JB_ELEM_INT8), 1u);
    EXPECT_EQ(jb_elem_size(JB_ELEM_UINT16), 2u);
    EXPECT_EQ(jb_elem_size(JB_ELEM_FLOAT), 4u);
    EXPECT_EQ(jb_elem_size(JB_ELEM_DOUBLE), 8u);
    EXPECT_EQ(jb_elem_size(static_cast<jb_elem>(0)), 0u);
    EXPECT_EQ(jb_elem_size(static_cast<jb_elem>(9)), 0u);
    jb_array_free(nullptr);
    jb_strings_free(nullptr, 0);
}

}  // namespace
