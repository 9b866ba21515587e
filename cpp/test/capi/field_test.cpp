// Fields (field.h): every type, static and instance, every bad input, threads.
#include "capi_fixture.h"

#include <cstring>

using namespace jbtest;

namespace {
constexpr const char *kData = "dev.javabridge.capi.CapiData";

jb_field *sfield(const char *name, const char *desc) {
    jb_field *f = nullptr;
    int rc = jb_field_find_static(kData, name, desc, &f);
    EXPECT_EQ(rc, JB_OK) << name << ": " << jb_error_name(rc) << ": " << jb_error_message();
    return f;
}

jb_field *ifield(const char *name, const char *desc) {
    jb_field *f = nullptr;
    int rc = jb_field_find_instance(kData, name, desc, &f);
    EXPECT_EQ(rc, JB_OK) << name << ": " << jb_error_name(rc) << ": " << jb_error_message();
    return f;
}

jb_object *new_data(int32_t i) {
    jb_method *ctor = nullptr;
    EXPECT_EQ(jb_method_find_constructor(kData, "(I)V", &ctor), JB_OK);
    jb_arg a = jb_arg_int32(i);
    jb_object *o = nullptr;
    EXPECT_EQ(jb_call_new(ctor, &a, 1, &o), JB_OK) << jb_error_message();
    jb_method_free(ctor);
    return o;
}

using Fields = WithVm;

TEST_F(Fields, EveryStaticPrimitiveReadAndWritten) {
    bool z = false;
    ASSERT_EQ(jb_field_get_bool(sfield("sZ", "Z"), nullptr, &z), JB_OK);
    EXPECT_TRUE(z);
    int8_t b = 0;
    jb_field *fb = sfield("sB", "B");
    ASSERT_EQ(jb_field_get_int8(fb, nullptr, &b), JB_OK);
    EXPECT_EQ(b, -5);
    ASSERT_EQ(jb_field_set(fb, nullptr, jb_arg_int8(100)), JB_OK) << jb_error_message();
    ASSERT_EQ(jb_field_get_int8(fb, nullptr, &b), JB_OK);
    EXPECT_EQ(b, 100);
    EXPECT_EQ(jb_field_set(fb, nullptr, jb_arg_int32(200)), JB_ERANGE) << "int32 into byte must fit";
    int16_t s = 0;
    ASSERT_EQ(jb_field_get_int16(sfield("sS", "S"), nullptr, &s), JB_OK);
    EXPECT_EQ(s, -300);
    uint16_t c = 0;
    jb_field *fc = sfield("sC", "C");
    ASSERT_EQ(jb_field_get_uint16(fc, nullptr, &c), JB_OK);
    EXPECT_EQ(c, 'x');
    ASSERT_EQ(jb_field_set(fc, nullptr, jb_arg_uint16(0xFFFF)), JB_OK);
    int32_t i = 0;
    ASSERT_EQ(jb_field_get_int32(fc, nullptr, &i), JB_OK) << "int32 reads a char field";
    EXPECT_EQ(i, 0xFFFF);
    jb_field *fi = sfield("sI", "I");
    ASSERT_EQ(jb_field_get_int32(fi, nullptr, &i), JB_OK);
    EXPECT_EQ(i, 42);
    ASSERT_EQ(jb_field_set(fi, nullptr, jb_arg_int32(-7)), JB_OK);
    jb_method *get_si = nullptr;
    ASSERT_EQ(jb_method_find_static(kData, "counter", "()J", &get_si), JB_OK);
    ASSERT_EQ(jb_field_get_int32(fi, nullptr, &i), JB_OK);
    EXPECT_EQ(i, -7);
    int64_t j = 0;
    ASSERT_EQ(jb_field_get_int64(sfield("sJ", "J"), nullptr, &j), JB_OK);
    EXPECT_EQ(j, INT64_C(1) << 40);
    float f = 0;
    jb_field *ff = sfield("sF", "F");
    ASSERT_EQ(jb_field_get_float(ff, nullptr, &f), JB_OK);
    EXPECT_EQ(f, 1.5f);
    ASSERT_EQ(jb_field_set(ff, nullptr, jb_arg_float(-0.125f)), JB_OK);
    ASSERT_EQ(jb_field_get_float(ff, nullptr, &f), JB_OK);
    EXPECT_EQ(f, -0.125f);
    double d = 0;
    ASSERT_EQ(jb_field_get_double(sfield("sD", "D"), nullptr, &d), JB_OK);
    EXPECT_EQ(d, 2.25);
    // Written from C, seen by Java code.
    jb_field *counter = sfield("counter", "J");
    ASSERT_EQ(jb_field_set(counter, nullptr, jb_arg_int64(123456789012)), JB_OK);
    ASSERT_EQ(jb_call_static_int64(get_si, nullptr, 0, &j), JB_OK);
    EXPECT_EQ(j, 123456789012);
    jb_method_free(get_si);
}

TEST_F(Fields, ReferenceFieldsStringsArraysObjects) {
    jb_field *fs = sfield("sStr", "Ljava/lang/String;");
    char *s = nullptr;
    size_t len = 0;
    ASSERT_EQ(jb_field_get_string(fs, nullptr, &s, &len), JB_OK);
    EXPECT_STREQ(s, "h\xc3\xa9llo \xf0\x9f\x98\x80");
    jb_string_free(s);
    ASSERT_EQ(jb_field_set(fs, nullptr, jb_arg_string_n("a\0b", 3)), JB_OK);
    ASSERT_EQ(jb_field_get_string(fs, nullptr, &s, &len), JB_OK);
    EXPECT_EQ(std::string(s, len), std::string("a\0b", 3));
    jb_string_free(s);
    ASSERT_EQ(jb_field_set(fs, nullptr, jb_arg_null()), JB_OK);
    ASSERT_EQ(jb_field_get_string(fs, nullptr, &s, &len), JB_OK);
    EXPECT_EQ(s, nullptr);
    EXPECT_EQ(jb_field_set(fs, nullptr, jb_arg_string("\xff")), JB_EENCODING);
    EXPECT_EQ(jb_field_set(fs, nullptr, jb_arg_int32(1)), JB_ETYPE);

    jb_field *fa = sfield("sInts", "[I");
    void *arr = nullptr;
    size_t n = 0;
    ASSERT_EQ(jb_field_get_array(fa, nullptr, JB_ELEM_INT32, &arr, &n), JB_OK);
    ASSERT_EQ(n, 3u);
    EXPECT_EQ(static_cast<int32_t *>(arr)[2], 3);
    jb_array_free(arr);
    int32_t v[] = {9, 8, 7, 6};
    ASSERT_EQ(jb_field_set(fa, nullptr, jb_arg_int32_array(v, 4)), JB_OK);
    ASSERT_EQ(jb_field_get_array(fa, nullptr, JB_ELEM_INT32, &arr, &n), JB_OK);
    ASSERT_EQ(n, 4u);
    EXPECT_EQ(0, std::memcmp(arr, v, sizeof v));
    jb_array_free(arr);
    EXPECT_EQ(jb_field_get_array(fa, nullptr, JB_ELEM_DOUBLE, &arr, &n), JB_ETYPE);
    double dv[] = {1};
    EXPECT_EQ(jb_field_set(fa, nullptr, jb_arg_double_array(dv, 1)), JB_ETYPE);

    jb_field *fstrs = sfield("sStrs", "[Ljava/lang/String;");
    char **strs = nullptr;
    ASSERT_EQ(jb_field_get_strings(fstrs, nullptr, &strs, &n), JB_OK);
    ASSERT_EQ(n, 2u);
    EXPECT_STREQ(strs[1], "y");
    jb_strings_free(strs, n);
    const char *nv[] = {"p", "q", "r"};
    ASSERT_EQ(jb_field_set(fstrs, nullptr, jb_arg_strings(nv, 3)), JB_OK);
    ASSERT_EQ(jb_field_get_strings(fstrs, nullptr, &strs, &n), JB_OK);
    ASSERT_EQ(n, 3u);
    EXPECT_STREQ(strs[2], "r");
    jb_strings_free(strs, n);

    jb_field *fo = sfield("sObj", "Ljava/lang/Object;");
    jb_object *o = nullptr;
    ASSERT_EQ(jb_field_get_object(fo, nullptr, &o), JB_OK);
    char *cls = nullptr;
    ASSERT_EQ(jb_object_class_name(o, &cls), JB_OK);
    EXPECT_STREQ(cls, "java.lang.StringBuilder");
    jb_string_free(cls);
    ASSERT_EQ(jb_field_set(fo, nullptr, jb_arg_string("now a string")), JB_OK) << "a String is an Object";
    ASSERT_EQ(jb_field_get_string(fo, nullptr, &s, nullptr), JB_OK);
    EXPECT_STREQ(s, "now a string");
    jb_string_free(s);
    ASSERT_EQ(jb_field_set(fo, nullptr, jb_arg_object(o)), JB_OK);
    jb_object_free(o);
}

TEST_F(Fields, InstanceFields) {
    jb_object *a = new_data(11), *b = new_data(22);
    jb_field *fi = ifield("i", "I");
    int32_t i = 0;
    ASSERT_EQ(jb_field_get_int32(fi, a, &i), JB_OK);
    EXPECT_EQ(i, 11);
    ASSERT_EQ(jb_field_set(fi, b, jb_arg_int32(-1)), JB_OK);
    jb_method *get_i = find_instance("getI", "()I", kData);
    ASSERT_EQ(jb_call_instance_int32(get_i, b, nullptr, 0, &i), JB_OK);
    EXPECT_EQ(i, -1) << "Java sees the write";
    ASSERT_EQ(jb_field_get_int32(fi, a, &i), JB_OK);
    EXPECT_EQ(i, 11) << "the other object is untouched";
    jb_field *fname = ifield("name", "Ljava/lang/String;");
    char *s = nullptr;
    ASSERT_EQ(jb_field_get_string(fname, a, &s, nullptr), JB_OK);
    EXPECT_STREQ(s, "inst");
    jb_string_free(s);
    jb_field *fv = ifield("values", "[D");
    void *arr = nullptr;
    size_t n = 0;
    ASSERT_EQ(jb_field_get_array(fv, a, JB_ELEM_DOUBLE, &arr, &n), JB_OK);
    ASSERT_EQ(n, 2u);
    EXPECT_EQ(static_cast<double *>(arr)[1], 1.5);
    jb_array_free(arr);

    // Receivers: NULL, of another class, freed.
    EXPECT_EQ(jb_field_get_int32(fi, nullptr, &i), JB_EINVAL);
    jb_object *counter = nullptr;
    jb_method *ctor = nullptr;
    ASSERT_EQ(jb_method_find_constructor(kCounter, "()V", &ctor), JB_OK);
    ASSERT_EQ(jb_call_new(ctor, nullptr, 0, &counter), JB_OK);
    EXPECT_EQ(jb_field_get_int32(fi, counter, &i), JB_ETYPE);
    EXPECT_EQ(jb_field_set(fi, counter, jb_arg_int32(1)), JB_ETYPE);
    jb_object_free(b);
    EXPECT_EQ(jb_field_get_int32(fi, b, &i), JB_EHANDLE);
    EXPECT_EQ(jb_field_set(fi, b, jb_arg_int32(1)), JB_EHANDLE);
    jb_object_free(counter);
    jb_object_free(a);
    jb_method_free(ctor);
    jb_method_free(get_i);
}

TEST_F(Fields, LookupAndUseErrors) {
    jb_field *f = nullptr;
    EXPECT_EQ(jb_field_find_static(kData, "nope", "I", &f), JB_EMETHOD);
    EXPECT_EQ(jb_field_find_static(kData, "i", "I", &f), JB_EMETHOD) << "an instance field is not static";
    EXPECT_EQ(jb_field_find_instance(kData, "sI", "I", &f), JB_EMETHOD) << "a static field is not an instance one";
    EXPECT_EQ(jb_field_find_static(kData, "sI", "J", &f), JB_EMETHOD) << "wrong type";
    EXPECT_EQ(jb_field_find_static("no.such.Cls", "x", "I", &f), JB_ECLASS);
    EXPECT_EQ(jb_field_find_static("dev.javabridge.capi.CapiTarget$BrokenInit", "VALUE", "I", &f), JB_ECLASS);
    for (const char *bad : {"", "V", "Q", "II", "Ljava/lang/String", "(I)V", "I)V(", "[", "L;"}) {
        EXPECT_EQ(jb_field_find_static(kData, "sI", bad, &f), JB_ESIGNATURE) << bad;
    }
    EXPECT_EQ(jb_field_find_static(kData, "s\xff", "I", &f), JB_EENCODING);
    EXPECT_EQ(jb_field_find_static(kData, "", "I", &f), JB_EINVAL);
    EXPECT_EQ(jb_field_find_static(nullptr, "sI", "I", &f), JB_EINVAL);
    EXPECT_EQ(jb_field_find_static(kData, "sI", "I", nullptr), JB_EINVAL);

    jb_field *fi = sfield("sI", "I");
    int32_t i = 0;
    int64_t j = 0;
    bool z = false;
    char *s = nullptr;
    EXPECT_EQ(jb_field_get_bool(fi, nullptr, &z), JB_ETYPE);
    EXPECT_EQ(jb_field_get_int8(fi, nullptr, reinterpret_cast<int8_t *>(&i)), JB_ETYPE);
    EXPECT_EQ(jb_field_get_string(fi, nullptr, &s, nullptr), JB_ETYPE);
    ASSERT_EQ(jb_field_get_int64(fi, nullptr, &j), JB_OK) << "int64 reads an int field";
    EXPECT_EQ(jb_field_set(fi, nullptr, jb_arg_int64(1)), JB_ETYPE);
    EXPECT_EQ(jb_field_set(fi, nullptr, jb_arg_string("1")), JB_ETYPE);
    jb_arg unknown = jb_arg_int32(1);
    unknown.type = static_cast<jb_arg_type>(77);
    EXPECT_EQ(jb_field_set(fi, nullptr, unknown), JB_EINVAL);
    jb_object *o = new_data(1);
    EXPECT_EQ(jb_field_get_int32(fi, o, &i), JB_EINVAL) << "a static field takes no receiver";
    jb_object_free(o);
    EXPECT_EQ(jb_field_get_int32(fi, nullptr, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_field_get_int32(nullptr, nullptr, &i), JB_EINVAL);

    jb_field *fin = sfield("FINAL_INT", "I");
    ASSERT_EQ(jb_field_get_int32(fin, nullptr, &i), JB_OK);
    EXPECT_EQ(i, 7);
    EXPECT_EQ(jb_field_set(fin, nullptr, jb_arg_int32(8)), JB_ETYPE) << "final";
    EXPECT_NE(std::string(jb_error_message()).find("final"), std::string::npos);
    jb_field *fixed = ifield("fixed", "J");
    jb_object *d = new_data(0);
    EXPECT_EQ(jb_field_set(fixed, d, jb_arg_int64(1)), JB_ETYPE) << "final instance field";
    jb_object_free(d);

    // A method handle is not a field handle and the other way round.
    jb_method *m = find_static("add", "(II)I");
    EXPECT_EQ(jb_field_get_int32(reinterpret_cast<jb_field *>(m), nullptr, &i), JB_EHANDLE);
    EXPECT_EQ(jb_field_free(reinterpret_cast<jb_field *>(m)), JB_EHANDLE);
    jb_arg two[] = {jb_arg_int32(1), jb_arg_int32(2)};
    ASSERT_EQ(jb_call_static_int32(m, two, 2, &i), JB_OK) << "the method survived";
    EXPECT_EQ(jb_method_free(reinterpret_cast<jb_method *>(fi)), JB_EHANDLE);
    EXPECT_EQ(jb_call_static_int32(reinterpret_cast<jb_method *>(fi), nullptr, 0, &i), JB_EHANDLE) << "a field is its own handle kind";
    ASSERT_EQ(jb_field_get_int32(fi, nullptr, &i), JB_OK) << "the field survived";
    jb_method_free(m);

    // Freed and forged handles.
    EXPECT_EQ(jb_field_free(fi), JB_OK);
    EXPECT_EQ(jb_field_get_int32(fi, nullptr, &i), JB_EHANDLE);
    EXPECT_EQ(jb_field_set(fi, nullptr, jb_arg_int32(1)), JB_EHANDLE);
    EXPECT_EQ(jb_field_free(fi), JB_EHANDLE);
    EXPECT_EQ(jb_field_free(nullptr), JB_OK);
    EXPECT_EQ(jb_field_get_int32(reinterpret_cast<jb_field *>(uintptr_t(0x1234560)), nullptr, &i), JB_EHANDLE);
}

TEST_F(Fields, ThreadsIncrementThroughFieldsWithoutCrashing) {
    jb_field *counter = sfield("counter", "J");
    jb_field *fi = ifield("i", "I");
    jb_object *o = new_data(5);
    ASSERT_EQ(jb_field_set(counter, nullptr, jb_arg_int64(0)), JB_OK);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; t++) {
        threads.emplace_back([&, t] {
            for (int k = 0; k < 2000; k++) {
                int64_t j = 0;
                int32_t i = 0;
                if (jb_field_get_int64(counter, nullptr, &j) != JB_OK) failures++;
                if (jb_field_set(fi, o, jb_arg_int32(t * 10000 + k)) != JB_OK) failures++;
                if (jb_field_get_int32(fi, o, &i) != JB_OK || i < 0 || i >= 40000) failures++;
            }
        });
    }
    for (auto &th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
    jb_object_free(o);
}

TEST(FieldsClosed, NothingWorksWithoutAJvmAndHandlesDieWithIt) {
    jb_field *f = nullptr;
    int32_t i = 0;
    EXPECT_EQ(jb_field_find_static(kData, "sI", "I", &f), JB_ENOT_OPEN);
    jb_vm *vm = open_vm();
    ASSERT_NE(vm, nullptr);
    ASSERT_EQ(jb_field_find_static(kData, "sI", "I", &f), JB_OK);
    ASSERT_EQ(jb_vm_close(vm), JB_OK);
    EXPECT_EQ(jb_field_get_int32(f, nullptr, &i), JB_EVM_DESTROYED);
    EXPECT_EQ(jb_field_free(f), JB_EHANDLE) << "freed by the last close";
}

}  // namespace
