// Host natives (natives.h): C functions bound to a Java class's native methods, called from
// Java with every parameter type, results, errors as Java exceptions, Java threads, rebinding,
// unregistering and every bad registration.
#include "capi_fixture.h"

#include <cmath>
#include <cstring>

using namespace jbtest;

namespace {
constexpr const char *kNatives = "dev.javabridge.capi.CapiNativesTarget";

// A class of the class path as a Class object (Class.forName(String) from a C thread has no
// caller and would use the bootstrap loader).
jb_object *class_object(const char *name) {
    jb_method *system = find_static("getSystemClassLoader", "()Ljava/lang/ClassLoader;", "java.lang.ClassLoader");
    jb_method *for_name = find_static("forName", "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;", "java.lang.Class");
    jb_object *loader = nullptr, *c = nullptr;
    EXPECT_EQ(jb_call_static_object(system, nullptr, 0, &loader), JB_OK) << jb_error_message();
    jb_arg a[] = {jb_arg_string(name), jb_arg_bool(true), jb_arg_object(loader)};
    EXPECT_EQ(jb_call_static_object(for_name, a, 3, &c), JB_OK) << jb_error_message();
    jb_object_free(loader);
    jb_method_free(for_name);
    jb_method_free(system);
    return c;
}

int add(jb_native_call *call, const jb_arg *args, size_t nargs, void *ud) {
    if (nargs != 2 || args[0].type != JB_ARG_INT32 || args[1].type != JB_ARG_INT32) return JB_ETYPE;
    return jb_native_call_return(call, jb_arg_int32(args[0].u.i32 + args[1].u.i32 + *static_cast<int *>(ud)));
}

// Integer-class and floating-point parameters interleaved: each lands in its own register file.
int mix(jb_native_call *call, const jb_arg *a, size_t n, void *) {
    if (n != 6) return JB_EARGS;
    char buf[256];
    std::snprintf(buf, sizeof buf, "%d/%d/%d/%d/%d/%d|%d %g %d %g %u %.*s", a[0].type, a[1].type, a[2].type,
                  a[3].type, a[4].type, a[5].type, a[0].u.i8, a[1].u.f, a[2].u.i16, a[3].u.d, a[4].u.u16,
                  static_cast<int>(a[5].u.str.len), a[5].u.str.data);
    return jb_native_call_return(call, jb_arg_string(buf));
}

int half(jb_native_call *call, const jb_arg *a, size_t, void *) {
    jb_arg r = jb_arg_float(a[0].u.f / 2); // by address: the same checks as jb_native_call_return
    return a[0].type == JB_ARG_FLOAT ? jb_native_call_set_result(call, &r) : JB_ETYPE;
}
int scale(jb_native_call *call, const jb_arg *a, size_t, void *) {
    return jb_native_call_return(call, jb_arg_double(a[0].u.d * a[1].u.i32));
}
int negate(jb_native_call *call, const jb_arg *a, size_t, void *) {
    return jb_native_call_return(call, jb_arg_bool(!a[0].u.b));
}
int next(jb_native_call *call, const jb_arg *a, size_t, void *) {
    return jb_native_call_return(call, jb_arg_uint16(static_cast<uint16_t>(a[0].u.u16 + 1)));
}
int ping(jb_native_call *call, const jb_arg *, size_t n, void *ud) {
    ++*static_cast<std::atomic<int> *>(ud);
    // void: any result is refused, by value or by address; no result at all is bad input
    jb_arg one = jb_arg_int32(1);
    return n == 0 && jb_native_call_return(call, jb_arg_int32(1)) == JB_ETYPE &&
                   jb_native_call_set_result(call, &one) == JB_ETYPE && jb_native_call_set_result(call, nullptr) == JB_EINVAL
               ? JB_OK
               : JB_EINTERNAL;
}
int echo(jb_native_call *call, const jb_arg *a, size_t, void *) {
    return a[0].type == JB_ARG_OBJECT ? jb_native_call_set_result(call, &a[0]) : JB_ETYPE;
}
int ints(jb_native_call *call, const jb_arg *a, size_t, void *) {
    std::vector<int32_t> v(static_cast<size_t>(a[0].u.i32));
    for (size_t i = 0; i < v.size(); i++) v[i] = static_cast<int32_t>(i * i);
    return jb_native_call_return(call, jb_arg_int32_array(v.data(), v.size()));
}
int fail(jb_native_call *call, const jb_arg *a, size_t, void *) {
    std::string how(a[0].u.str.data, a[0].u.str.len);
    if (how == "named") {
        jb_native_call_throw(call, "java.lang.IllegalArgumentException", "bad \xc3\xa9 input");
        return JB_EINVAL;
    }
    if (how == "unknown-class") {
        jb_native_call_throw(call, "no.such.Exception", "kept");
        return JB_EINVAL;
    }
    if (how == "plain") return JB_ERANGE;
    if (how == "wrong-result") {
        jb_arg three = jb_arg_int32(3);
        return jb_native_call_return(call, jb_arg_int32(3)) == JB_ETYPE && jb_native_call_set_result(call, &three) == JB_ETYPE
                   ? JB_OK
                   : JB_EINTERNAL;
    }
    if (how == "call-java") {
        // A host native may call back into Java through the C API.
        jb_method *m = find_static("callAdd", "(II)I", kNatives);
        jb_arg args[] = {jb_arg_int32(1), jb_arg_int32(2)};
        int32_t r = 0;
        int rc = jb_call_static_int32(m, args, 2, &r);
        jb_method_free(m);
        std::string s = rc == JB_OK ? std::to_string(r) : jb_error_name(rc);
        return jb_native_call_return(call, jb_arg_string(s.c_str()));
    }
    return jb_native_call_return(call, jb_arg_string_n(how.data(), how.size()));
}
int plus(jb_native_call *call, const jb_arg *a, size_t, void *) {
    return jb_native_call_return(call, jb_arg_int64(a[0].u.i64 + a[1].u.i64));
}

// Unbinds its own class while it runs, then rebinds another class's native over and over: a slot
// freed under a running call would be reused for plus(JJ)J, and its failure below (which names
// the method it runs for) would say so. "nested" unbinds from a nested call of the same method
// (through Java), so the outer call must still hold the slot after the inner one has left it.
struct Churn {
    jb_object *cls, *box;
    std::string inner;
};
int self_unbind(jb_native_call *call, const jb_arg *a, size_t, void *ud) {
    auto *u = static_cast<Churn *>(ud);
    std::string how(a[0].u.str.data, a[0].u.str.len);
    if (how == "inner") {
        if (jb_unregister_natives(u->cls) != JB_OK) return JB_EINTERNAL;
        return jb_native_call_return(call, jb_arg_string("inner done"));
    }
    if (how == "nested") {
        jb_method *m = find_static("outcomeOfFail", "(Ljava/lang/String;)Ljava/lang/String;", kNatives);
        jb_arg arg = jb_arg_string("inner");
        char *out = nullptr;
        int rc = jb_call_static_string(m, &arg, 1, &out, nullptr);
        u->inner = rc == JB_OK && out != nullptr ? out : jb_error_message();
        jb_string_free(out);
        jb_method_free(m);
    } else if (jb_unregister_natives(u->cls) != JB_OK) {
        return JB_EINTERNAL;
    }
    jb_native_method pm[] = {{"plus", "(JJ)J", plus, nullptr}};
    for (int k = 0; k < 2 * JB_NATIVES_MAX; k++) {
        if (jb_register_natives(u->box, pm, 1) != JB_OK) return JB_EINTERNAL;
    }
    return JB_ERANGE;
}

struct Natives : WithVm {
    jb_object *cls = nullptr;
    int offset = 1000;
    std::atomic<int> pings{0};
    void SetUp() override {
        WithVm::SetUp();
        cls = class_object(kNatives);
        ASSERT_NE(cls, nullptr);
    }
    void bind_all() {
        jb_native_method m[] = {
            {"add", "(II)I", add, &offset},
            {"mix", "(BFSDCLjava/lang/String;)Ljava/lang/String;", mix, nullptr},
            {"half", "(F)F", half, nullptr},
            {"scale", "(DI)D", scale, nullptr},
            {"not", "(Z)Z", negate, nullptr},
            {"next", "(C)C", next, nullptr},
            {"ping", "()V", ping, &pings},
            {"echo", "(Ljava/lang/Object;)Ljava/lang/Object;", echo, nullptr},
            {"ints", "(I)[I", ints, nullptr},
            {"fail", "(Ljava/lang/String;)Ljava/lang/String;", fail, nullptr},
        };
        ASSERT_EQ(jb_register_natives(cls, m, sizeof m / sizeof m[0]), JB_OK) << jb_error_message();
    }
    std::string s(const char *name, const char *sig, std::vector<jb_arg> args = {}) {
        jb_method *m = find_static(name, sig, kNatives);
        char *out = nullptr;
        int rc = jb_call_static_string(m, args.data(), args.size(), &out, nullptr);
        std::string r = rc == JB_OK ? (out != nullptr ? out : "<null>") : std::string("rc ") + jb_error_name(rc) + " " + jb_error_message();
        jb_string_free(out);
        jb_method_free(m);
        return r;
    }
    int32_t i(const char *name, const char *sig, std::vector<jb_arg> args, int *rc_out = nullptr) {
        jb_method *m = find_static(name, sig, kNatives);
        int32_t r = -1;
        int rc = jb_call_static_int32(m, args.data(), args.size(), &r);
        if (rc_out != nullptr) *rc_out = rc; else EXPECT_EQ(rc, JB_OK) << jb_error_message();
        jb_method_free(m);
        return r;
    }
    void TearDown() override {
        jb_object_free(cls);
        WithVm::TearDown();
    }
};

TEST_F(Natives, EveryParameterAndResultTypeCrossesAsPlainCValues) {
    bind_all();
    EXPECT_EQ(i("callAdd", "(II)I", {jb_arg_int32(2), jb_arg_int32(3)}), 1005);
    EXPECT_EQ(s("callMix", "()Ljava/lang/String;"),
              "9/12/10/4/11/5|-5 1.5 -300 -2.25 233 h\xc3\xa9\xf0\x9f\x98\x80");
    jb_method *m = find_static("callHalf", "(F)F", kNatives);
    jb_arg a = jb_arg_float(3.0f);
    float f = 0;
    ASSERT_EQ(jb_call_static_float(m, &a, 1, &f), JB_OK) << jb_error_message();
    EXPECT_EQ(f, 1.5f);
    jb_method_free(m);
    m = find_static("callScale", "(DI)D", kNatives);
    jb_arg sa[] = {jb_arg_double(1.25), jb_arg_int32(-4)};
    double d = 0;
    ASSERT_EQ(jb_call_static_double(m, sa, 2, &d), JB_OK) << jb_error_message();
    EXPECT_EQ(d, -5.0);
    jb_method_free(m);
    m = find_static("callNot", "(Z)Z", kNatives);
    jb_arg za = jb_arg_bool(true);
    bool z = true;
    ASSERT_EQ(jb_call_static_bool(m, &za, 1, &z), JB_OK);
    EXPECT_FALSE(z);
    jb_method_free(m);
    m = find_static("callNext", "(C)C", kNatives);
    jb_arg ca = jb_arg_uint16(0xFFFE);
    uint16_t c = 0;
    ASSERT_EQ(jb_call_static_uint16(m, &ca, 1, &c), JB_OK);
    EXPECT_EQ(c, 0xFFFF);
    jb_method_free(m);
    m = find_static("callPing", "()V", kNatives);
    ASSERT_EQ(jb_call_static_void(m, nullptr, 0), JB_OK) << jb_error_message();
    EXPECT_EQ(pings.load(), 1);
    jb_method_free(m);
    EXPECT_EQ(s("callEcho", "(Ljava/lang/String;)Ljava/lang/String;", {jb_arg_string("x")}), "x")
        << "a String passed to an Object parameter arrives as an object and goes back as itself";
    EXPECT_EQ(s("callEchoList", "()Ljava/lang/String;"), "true:[1, 2]");
    EXPECT_EQ(s("callInts", "(I)Ljava/lang/String;", {jb_arg_int32(4)}), "[0, 1, 4, 9]");
}

TEST_F(Natives, ErrorsBecomeJavaExceptionsOfTheNamedClass) {
    bind_all();
    auto outcome = [&](const char *how) {
        return s("outcomeOfFail", "(Ljava/lang/String;)Ljava/lang/String;", {jb_arg_string(how)});
    };
    EXPECT_EQ(outcome("named"), "java.lang.IllegalArgumentException:bad \xc3\xa9 input");
    EXPECT_EQ(outcome("unknown-class").rfind("java.lang.IllegalStateException:kept (could not throw no/such/Exception)", 0), 0u)
        << outcome("unknown-class");
    EXPECT_EQ(outcome("plain"), "java.lang.RuntimeException:host native fail(Ljava/lang/String;)Ljava/lang/String; failed with JB_ERANGE");
    EXPECT_EQ(outcome("wrong-result"), "ok:null");
    EXPECT_EQ(outcome("call-java"), "ok:1003");
    EXPECT_EQ(outcome("\xf0\x9f\x98\x80 text"), "ok:\xf0\x9f\x98\x80 text");
}

TEST_F(Natives, InstanceNativesAndJavaThreads) {
    jb_object *box = class_object("dev.javabridge.capi.CapiNativesTarget$Box");
    jb_native_method pm[] = {{"plus", "(JJ)J", plus, nullptr}};
    ASSERT_EQ(jb_register_natives(box, pm, 1), JB_OK) << jb_error_message();
    jb_method *m = find_static("callPlus", "(JJ)J", kNatives);
    jb_arg a[] = {jb_arg_int64(INT64_C(1) << 50), jb_arg_int64(-7)};
    int64_t r = 0;
    ASSERT_EQ(jb_call_static_int64(m, a, 2, &r), JB_OK) << jb_error_message();
    EXPECT_EQ(r, (INT64_C(1) << 50) - 7);
    jb_method_free(m);
    jb_object_free(box);
    bind_all();
    EXPECT_EQ(i("addOnJavaThreads", "(II)I", {jb_arg_int32(8), jb_arg_int32(20000)}), 0);
    // and from C threads javabridge attached
    std::vector<std::thread> ts;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; t++) {
        ts.emplace_back([&, t] {
            jb_method *cm = find_static("callAdd", "(II)I", kNatives);
            for (int k = 0; k < 2000; k++) {
                jb_arg args[] = {jb_arg_int32(k), jb_arg_int32(t)};
                int32_t v = 0;
                if (jb_call_static_int32(cm, args, 2, &v) != JB_OK || v != k + t + 1000) wrong++;
            }
            jb_method_free(cm);
            jb_vm_detach_current_thread();
        });
    }
    for (auto &t : ts) t.join();
    EXPECT_EQ(wrong.load(), 0);
}

TEST_F(Natives, RebindingReplacesAndUnregisteringUnbinds) {
    bind_all();
    int other = 5;
    jb_native_method again[] = {{"add", "(II)I", add, &other}};
    ASSERT_EQ(jb_register_natives(cls, again, 1), JB_OK) << jb_error_message();
    EXPECT_EQ(i("callAdd", "(II)I", {jb_arg_int32(2), jb_arg_int32(3)}), 10);
    // rebinding many times never runs out of slots: the replaced one is freed
    for (int k = 0; k < 3 * JB_NATIVES_MAX; k++) ASSERT_EQ(jb_register_natives(cls, again, 1), JB_OK) << k;
    ASSERT_EQ(jb_unregister_natives(cls), JB_OK) << jb_error_message();
    EXPECT_EQ(s("outcomeOfAdd", "()Ljava/lang/String;"), "java.lang.UnsatisfiedLinkError");
    EXPECT_EQ(jb_unregister_natives(cls), JB_OK) << "nothing bound is not an error";
    ASSERT_EQ(jb_register_natives(cls, again, 1), JB_OK) << jb_error_message();
    EXPECT_EQ(i("callAdd", "(II)I", {jb_arg_int32(2), jb_arg_int32(3)}), 10);
}

// A method name outside the BMP reaches JNI in modified UTF-8: rebinding it must still free
// the slot it replaces, or the slots run out.
TEST_F(Natives, RebindingANameBeyondTheBmpFreesTheReplacedSlot) {
    int other = 5;
    jb_native_method x[] = {{"\xf0\x9d\x91\xa5", "(II)I", add, &other}};
    for (int k = 0; k < 2 * JB_NATIVES_MAX; k++) ASSERT_EQ(jb_register_natives(cls, x, 1), JB_OK) << k << ": " << jb_error_message();
    EXPECT_EQ(i("callX", "(II)I", {jb_arg_int32(2), jb_arg_int32(3)}), 10);
}

// Four Java threads call add while C unbinds and rebinds it `cycles` times, pausing `pause`
// after each step: every call gets the right sum or a clean UnsatisfiedLinkError /
// IllegalStateException, never a wrong value or a crash.
static std::string hammer_while_rebinding(jb_object *cls, jb_method *start, int *offset, int cycles,
                                          std::chrono::microseconds pause) {
    jb_native_method m[] = {{"add", "(II)I", add, offset}};
    jb_arg threads = jb_arg_int32(4);
    if (jb_register_natives(cls, m, 1) != JB_OK) return jb_error_message();
    if (jb_call_static_void(start, &threads, 1) != JB_OK) return jb_error_message();
    std::string failed;
    for (int k = 0; k < cycles && failed.empty(); k++) {
        if (jb_unregister_natives(cls) != JB_OK) failed = jb_error_message();
        if (pause.count() > 0) std::this_thread::sleep_for(pause);
        if (failed.empty() && jb_register_natives(cls, m, 1) != JB_OK) failed = jb_error_message();
        if (pause.count() > 0) std::this_thread::sleep_for(pause);
    }
    return failed;
}

TEST_F(Natives, BindingAndUnbindingWhileJavaThreadsCall) {
    jb_method *start = find_static("startHammer", "(I)V", kNatives);
    EXPECT_EQ(hammer_while_rebinding(cls, start, &offset, 300, std::chrono::microseconds(200)), "");
    EXPECT_EQ(s("stopHammer", "()Ljava/lang/String;"), "wrong=0 ok=yes unbound=yes");
    jb_method_free(start);
}

// Unbinding back to back: HotSpot's UnregisterNatives clears the method's signature handler
// under a caller that has just read it, which then jumps to address 0 (a CI crash). Without
// pauses the window is hit within a few thousand cycles.
TEST_F(Natives, UnbindingBackToBackNeverLeavesACallerWithoutAFunction) {
    jb_method *start = find_static("startHammer", "(I)V", kNatives);
    EXPECT_EQ(hammer_while_rebinding(cls, start, &offset, 5000, std::chrono::microseconds(0)), "");
    EXPECT_EQ(s("stopHammer", "()Ljava/lang/String;"), "wrong=0 ok=yes unbound=yes");
    jb_method_free(start);
}

TEST_F(Natives, UnbindingInsideACallKeepsItsSlotUntilItReturns) {
    Churn u{cls, class_object("dev.javabridge.capi.CapiNativesTarget$Box"), ""};
    ASSERT_NE(u.box, nullptr);
    const std::string failed = "java.lang.RuntimeException:host native fail(Ljava/lang/String;)Ljava/lang/String; failed with JB_ERANGE";
    for (const char *how : {"direct", "nested"}) {
        jb_native_method m[] = {{"fail", "(Ljava/lang/String;)Ljava/lang/String;", self_unbind, &u}};
        ASSERT_EQ(jb_register_natives(cls, m, 1), JB_OK) << jb_error_message();
        EXPECT_EQ(s("outcomeOfFail", "(Ljava/lang/String;)Ljava/lang/String;", {jb_arg_string(how)}), failed) << how;
        std::string after = s("outcomeOfFail", "(Ljava/lang/String;)Ljava/lang/String;", {jb_arg_string("x")});
        EXPECT_EQ(after.rfind("java.lang.UnsatisfiedLinkError:", 0), 0u) << how << ": " << after;
    }
    EXPECT_EQ(u.inner, "ok:inner done");
    // the slots those calls kept are freed once they returned: rebinding never runs out
    jb_native_method pm[] = {{"plus", "(JJ)J", plus, nullptr}};
    for (int k = 0; k < 3 * JB_NATIVES_MAX; k++) ASSERT_EQ(jb_register_natives(u.box, pm, 1), JB_OK) << k;
    ASSERT_EQ(jb_unregister_natives(u.box), JB_OK);
    jb_object_free(u.box);
}

TEST_F(Natives, BadRegistrationsAreRefusedWithNothingBound) {
    struct Case {
        jb_native_method m;
        int rc;
        const char *says;
    } cases[] = {
        {{"nope", "(II)I", add, nullptr}, JB_EMETHOD, "no method nope(II)I"},
        {{"add", "(JJ)J", add, nullptr}, JB_EMETHOD, "no method add(JJ)J"},
        {{"notNative", "(I)I", add, nullptr}, JB_EMETHOD, "is not declared native"},
        {{"add", "(II", add, nullptr}, JB_ESIGNATURE, "malformed"},
        {{"add", "(Q)I", add, nullptr}, JB_ESIGNATURE, "malformed"},
        {{"tooManyInts", "(IIIII)I", add, nullptr}, JB_ESIGNATURE, "more than 4 integer or reference"},
        {{"add", "(II)I", nullptr, nullptr}, JB_EINVAL, "NULL"},
        {{nullptr, "(II)I", add, nullptr}, JB_EINVAL, "NULL"},
        {{"add", nullptr, add, nullptr}, JB_EINVAL, "NULL"},
        {{"a\xff", "(II)I", add, nullptr}, JB_EENCODING, ""},
        {{"add", "(II)I", add, nullptr}, JB_EINVAL, "is given twice"},
    };
    for (const Case &c : cases) {
        // a good method first: all or none, so it must stay unbound
        jb_native_method pair[] = {{"add", "(II)I", add, &offset}, c.m};
        EXPECT_EQ(jb_register_natives(cls, pair, 2), c.rc) << c.says << ": " << jb_error_message();
        EXPECT_NE(std::string(jb_error_message()).find(c.says), std::string::npos) << jb_error_message();
        EXPECT_EQ(s("outcomeOfAdd", "()Ljava/lang/String;"), "java.lang.UnsatisfiedLinkError") << c.says;
    }
    jb_native_method good[] = {{"add", "(II)I", add, &offset}};
    jb_object *not_class = nullptr;
    jb_method *m = find_static("valueOf", "(I)Ljava/lang/Integer;", "java.lang.Integer");
    jb_arg one = jb_arg_int32(1);
    ASSERT_EQ(jb_call_static_object(m, &one, 1, &not_class), JB_OK);
    jb_method_free(m);
    EXPECT_EQ(jb_register_natives(not_class, good, 1), JB_ETYPE);
    EXPECT_EQ(jb_unregister_natives(not_class), JB_ETYPE);
    jb_object_free(not_class);
    jb_object *freed = class_object(kNatives);
    jb_object_free(freed);
    EXPECT_EQ(jb_register_natives(freed, good, 1), JB_EHANDLE);
    EXPECT_EQ(jb_register_natives(cls, good, JB_NATIVES_MAX + 1), JB_ERANGE);
    int rc = 0;
    i("callAdd", "(II)I", {jb_arg_int32(1), jb_arg_int32(1)}, &rc);
    EXPECT_EQ(rc, JB_EJAVA) << "still unbound";
}

}  // namespace
