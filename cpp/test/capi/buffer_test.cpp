// Direct ByteBuffers over C memory (buffer.h) and arrays of references by index (array.h),
// against a real JVM under -Xcheck:jni: no copies (Java's writes land in C memory), and every
// bad input refused with its documented code.
#include "capi_fixture.h"

#include <climits>
#include <cstring>
#include <vector>

using namespace jbtest;

namespace {
constexpr const char *kBuffers = "dev.javabridge.capi.CapiBuffers";
using Buffers = WithVm;
using ObjectArrays = WithVm;

jb_method *buffers_static(const char *name, const char *sig) { return find_static(name, sig, kBuffers); }

TEST_F(Buffers, JavaReadsAndWritesTheCMemoryInPlace) {
    std::vector<uint8_t> mem(1 << 20);
    for (size_t i = 0; i < mem.size(); i++) mem[i] = static_cast<uint8_t>(i * 31);
    uint64_t expect = 0;
    for (uint8_t v : mem) expect += v;
    jb_object *buf = nullptr;
    ASSERT_EQ(jb_buffer_wrap(mem.data(), mem.size(), &buf), JB_OK) << jb_error_message();
    jb_arg a = jb_arg_object(buf);
    int64_t sum = 0;
    ASSERT_EQ(jb_call_static_int64(buffers_static("sum", "(Ljava/nio/ByteBuffer;)J"), &a, 1, &sum), JB_OK);
    EXPECT_EQ(static_cast<uint64_t>(sum), expect);
    bool direct = false;
    ASSERT_EQ(jb_call_static_bool(buffers_static("isDirect", "(Ljava/nio/ByteBuffer;)Z"), &a, 1, &direct), JB_OK);
    EXPECT_TRUE(direct);
    int32_t cap = 0;
    ASSERT_EQ(jb_call_static_int32(buffers_static("capacity", "(Ljava/nio/ByteBuffer;)I"), &a, 1, &cap), JB_OK);
    EXPECT_EQ(cap, 1 << 20);

    jb_arg fill[] = {jb_arg_object(buf), jb_arg_int8(-2)};
    ASSERT_EQ(jb_call_static_void(buffers_static("fill", "(Ljava/nio/ByteBuffer;B)V"), fill, 2), JB_OK);
    EXPECT_EQ(mem[0], 1) << "big-endian putInt(0x01020304)";
    EXPECT_EQ(mem[3], 4);
    EXPECT_EQ(mem[4], 0xFE);
    EXPECT_EQ(mem[mem.size() - 1], 0xFE) << "Java's writes landed in the C memory: no copy";

    void *addr = nullptr;
    size_t size = 0;
    ASSERT_EQ(jb_buffer_address(buf, &addr, &size), JB_OK);
    EXPECT_EQ(addr, mem.data());
    EXPECT_EQ(size, mem.size());
    EXPECT_EQ(jb_buffer_address(buf, nullptr, nullptr), JB_OK) << "both outs optional";
    EXPECT_EQ(jb_object_free(buf), JB_OK);

    // Size 0 is a valid, empty buffer.
    ASSERT_EQ(jb_buffer_wrap(mem.data(), 0, &buf), JB_OK);
    ASSERT_EQ(jb_buffer_address(buf, &addr, &size), JB_OK);
    EXPECT_EQ(size, 0u);
    jb_object_free(buf);
}

TEST_F(Buffers, ABufferJavaMadeIsReadInPlace) {
    jb_arg n = jb_arg_int32(300);
    jb_object *buf = nullptr;
    ASSERT_EQ(jb_call_static_object(buffers_static("direct", "(I)Ljava/nio/ByteBuffer;"), &n, 1, &buf), JB_OK);
    void *addr = nullptr;
    size_t size = 0;
    ASSERT_EQ(jb_buffer_address(buf, &addr, &size), JB_OK);
    ASSERT_EQ(size, 300u);
    const uint8_t *p = static_cast<const uint8_t *>(addr);
    for (size_t i = 0; i < size; i++) ASSERT_EQ(p[i], static_cast<uint8_t>(i)) << i;
    jb_object_free(buf);
}

TEST_F(Buffers, BadInputIsRefused) {
    uint8_t mem[8] = {};
    jb_object *buf = nullptr;
    EXPECT_EQ(jb_buffer_wrap(nullptr, 8, &buf), JB_EINVAL);
    EXPECT_EQ(jb_buffer_wrap(mem, 8, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_buffer_wrap(mem, size_t(INT32_MAX) + 1, &buf), JB_ERANGE);
    EXPECT_EQ(jb_buffer_wrap(mem, SIZE_MAX, &buf), JB_ERANGE);
    EXPECT_EQ(buf, nullptr);
    void *addr = nullptr;
    size_t size = 0;
    EXPECT_EQ(jb_buffer_address(nullptr, &addr, &size), JB_EINVAL);
    jb_object *heap = nullptr;
    ASSERT_EQ(jb_call_static_object(buffers_static("heap", "()Ljava/nio/ByteBuffer;"), nullptr, 0, &heap), JB_OK);
    EXPECT_EQ(jb_buffer_address(heap, &addr, &size), JB_ETYPE) << "a heap buffer has no fixed address";
    jb_object *str = nullptr;
    jb_arg s = jb_arg_string("x");
    ASSERT_EQ(jb_call_static_object(find_static("valueOf", "(Ljava/lang/Object;)Ljava/lang/String;", "java.lang.String"),
                                    &s, 1, &str), JB_OK);
    EXPECT_EQ(jb_buffer_address(str, &addr, &size), JB_ETYPE);
    jb_object_free(str);
    EXPECT_EQ(jb_object_free(heap), JB_OK);
    EXPECT_EQ(jb_buffer_address(heap, &addr, &size), JB_EHANDLE) << "freed";
    EXPECT_EQ(jb_buffer_address(reinterpret_cast<jb_object *>(uintptr_t(0x4242)), &addr, &size), JB_EHANDLE);
}

TEST_F(Buffers, ThreadsWrapAndReadAtOnce) {
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    jb_method *sum = buffers_static("sum", "(Ljava/nio/ByteBuffer;)J");
    for (int t = 0; t < 4; t++) {
        threads.emplace_back([&, t] {
            std::vector<uint8_t> mem(4096, static_cast<uint8_t>(t + 1));
            for (int k = 0; k < 50; k++) {
                jb_object *buf = nullptr;
                if (jb_buffer_wrap(mem.data(), mem.size(), &buf) != JB_OK) return;
                jb_arg a = jb_arg_object(buf);
                int64_t s = 0;
                if (jb_call_static_int64(sum, &a, 1, &s) == JB_OK && s == 4096 * (t + 1)) ok++;
                jb_object_free(buf);
            }
            jb_vm_detach_current_thread();
        });
    }
    for (auto &th : threads) th.join();
    EXPECT_EQ(ok.load(), 200);
}

jb_object *call_object(const char *name, const char *sig) {
    jb_object *o = nullptr;
    EXPECT_EQ(jb_call_static_object(buffers_static(name, sig), nullptr, 0, &o), JB_OK) << jb_error_message();
    return o;
}

std::string describe(jb_object *array) {
    jb_arg a = jb_arg_object(array);
    char *s = nullptr;
    EXPECT_EQ(jb_call_static_string(buffers_static("describe", "([Ljava/lang/Object;)Ljava/lang/String;"), &a, 1, &s,
                                    nullptr), JB_OK) << jb_error_message();
    std::string r = s != nullptr ? s : "<null>";
    jb_string_free(s);
    return r;
}

TEST_F(ObjectArrays, ElementsAreReadAndWrittenByIndex) {
    jb_object *mixed = call_object("mixed", "()[Ljava/lang/Object;");
    size_t n = 0;
    ASSERT_EQ(jb_array_length(mixed, &n), JB_OK);
    EXPECT_EQ(n, 3u);
    jb_object *e = nullptr;
    ASSERT_EQ(jb_object_array_get(mixed, 1, &e), JB_OK);
    char *cn = nullptr;
    ASSERT_EQ(jb_object_class_name(e, &cn), JB_OK);
    EXPECT_STREQ(cn, "java.lang.Integer");
    jb_string_free(cn);
    jb_object *null_elem = reinterpret_cast<jb_object *>(uintptr_t(1));
    ASSERT_EQ(jb_object_array_get(mixed, 2, &null_elem), JB_OK);
    EXPECT_EQ(null_elem, nullptr) << "a null element is a NULL jb_object";
    // Store the Integer over the String, and null over the Integer.
    ASSERT_EQ(jb_object_array_set(mixed, 0, e), JB_OK) << jb_error_message();
    ASSERT_EQ(jb_object_array_set(mixed, 1, nullptr), JB_OK);
    EXPECT_EQ(describe(mixed), "[7, null, null]");
    jb_object_free(e);

    jb_object *grid = call_object("grid", "()[[I");
    ASSERT_EQ(jb_array_length(grid, &n), JB_OK);
    EXPECT_EQ(n, 2u);
    jb_object *row = nullptr;
    ASSERT_EQ(jb_object_array_get(grid, 0, &row), JB_OK);
    ASSERT_EQ(jb_array_length(row, &n), JB_OK) << "the length of a primitive array";
    EXPECT_EQ(n, 2u);
    EXPECT_EQ(jb_object_array_get(row, 0, &e), JB_ETYPE) << "an int[] is not an array of references";
    EXPECT_EQ(jb_object_array_set(grid, 1, row), JB_OK);
    EXPECT_EQ(describe(grid), "[[1, 2], [1, 2]]");
    jb_object_free(row);
    jb_object_free(grid);

    jb_object *empty = call_object("empty", "()[Ljava/lang/Object;");
    ASSERT_EQ(jb_array_length(empty, &n), JB_OK);
    EXPECT_EQ(n, 0u);
    EXPECT_EQ(jb_object_array_get(empty, 0, &e), JB_ERANGE);
    jb_object_free(empty);
    jb_object_free(mixed);
}

TEST_F(ObjectArrays, BadInputIsRefused) {
    jb_object *names = call_object("names", "()[Ljava/lang/String;");
    jb_arg seven = jb_arg_int32(7);
    jb_object *boxed = nullptr;
    ASSERT_EQ(jb_call_static_object(buffers_static("boxed", "(I)Ljava/lang/Integer;"), &seven, 1, &boxed), JB_OK);
    EXPECT_EQ(jb_object_array_set(names, 0, boxed), JB_ETYPE) << "an Integer in a String[]";
    EXPECT_EQ(describe(names), "[x, y\xc3\xa9, z]") << "nothing stored";
    jb_object *e = nullptr;
    size_t n = 0;
    EXPECT_EQ(jb_object_array_get(names, 3, &e), JB_ERANGE);
    EXPECT_EQ(jb_object_array_get(names, size_t(INT32_MAX) + 1, &e), JB_ERANGE);
    EXPECT_EQ(jb_object_array_get(names, SIZE_MAX, &e), JB_ERANGE);
    EXPECT_EQ(jb_object_array_set(names, 3, nullptr), JB_ERANGE);
    EXPECT_EQ(jb_object_array_set(names, size_t(UINT32_MAX) + 1, nullptr), JB_ERANGE) << "not truncated to index 0";
    EXPECT_EQ(jb_object_array_get(nullptr, 0, &e), JB_EINVAL);
    EXPECT_EQ(jb_object_array_get(names, 0, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_object_array_set(nullptr, 0, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_array_length(nullptr, &n), JB_EINVAL);
    EXPECT_EQ(jb_array_length(names, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_array_length(boxed, &n), JB_ETYPE) << "not an array";
    EXPECT_EQ(jb_object_array_get(boxed, 0, &e), JB_ETYPE);
    EXPECT_EQ(jb_object_array_set(boxed, 0, nullptr), JB_ETYPE);
    jb_object *freed = nullptr;
    ASSERT_EQ(jb_object_array_get(names, 0, &freed), JB_OK);
    jb_object_free(freed);
    EXPECT_EQ(jb_object_array_set(names, 0, freed), JB_EHANDLE) << "a freed value";
    EXPECT_EQ(jb_array_length(freed, &n), JB_EHANDLE);
    jb_object *forged = reinterpret_cast<jb_object *>(uintptr_t(0x777));
    EXPECT_EQ(jb_object_array_get(forged, 0, &e), JB_EHANDLE);
    EXPECT_EQ(jb_object_array_set(names, 0, forged), JB_EHANDLE);
    EXPECT_EQ(e, nullptr) << "out untouched on failure";
    jb_object_free(boxed);
    jb_object_free(names);
    EXPECT_EQ(jb_object_array_get(names, 0, &e), JB_EHANDLE) << "the array freed";
}

TEST_F(ObjectArrays, ThreadsShareOneArray) {
    jb_object *mixed = call_object("mixed", "()[Ljava/lang/Object;");
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int t = 0; t < 4; t++) {
        threads.emplace_back([&] {
            for (int k = 0; k < 200; k++) {
                jb_object *e = nullptr;
                if (jb_object_array_get(mixed, 0, &e) == JB_OK && jb_object_array_set(mixed, 2, e) == JB_OK) ok++;
                jb_object_free(e);
            }
            jb_vm_detach_current_thread();
        });
    }
    for (auto &th : threads) th.join();
    EXPECT_EQ(ok.load(), 800);
    EXPECT_EQ(describe(mixed), "[a, 7, a]");
    jb_object_free(mixed);
}
}  // namespace
