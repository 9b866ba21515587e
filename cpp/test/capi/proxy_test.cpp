// Java interfaces implemented in C (proxy.h): calls from Java with every argument type, results,
// default and Object methods, handler exceptions, Java threads, and freeing.
#include "capi_fixture.h"

#include <cstring>
#include <mutex>

using namespace jbtest;

namespace {
constexpr const char *kProxy = "dev.javabridge.capi.CapiProxyTarget";
constexpr const char *kGreeter = "dev.javabridge.capi.CapiProxyTarget$Greeter";

struct State {
    std::atomic<int> calls{0};
    std::string prefix = "hello ";
};

std::string arg_string(jb_proxy_call *call, size_t i) {
    jb_arg a;
    EXPECT_EQ(jb_proxy_call_arg(call, i, &a), JB_OK) << jb_error_message();
    if (a.type != JB_ARG_STRING) return "<type " + std::to_string(a.type) + ">";
    return std::string(a.u.str.data, a.u.str.len);
}

int greeter(jb_proxy_call *call, void *user_data) {
    State *st = static_cast<State *>(user_data);
    st->calls++;
    std::string m = jb_proxy_call_method(call);
    if (m == "greet") {
        std::string name = arg_string(call, 0);
        if (name == "fail") {
            jb_proxy_call_throw(call, "dev.javabridge.capi.CapiProxyTarget$HandlerFailure", "no greeting for fail");
            return JB_EINVAL;
        }
        if (name == "fail-unknown-class") {
            jb_proxy_call_throw(call, "no.such.Exception", "msg kept");
            return JB_EINVAL;
        }
        if (name == "fail-plain") return JB_ERANGE;
        if (name == "wrong-result") return jb_proxy_call_return(call, jb_arg_int32(5)) == JB_ETYPE ? JB_OK : JB_EINTERNAL;
        std::string r = st->prefix + name;
        return jb_proxy_call_return(call, jb_arg_string_n(r.data(), r.size()));
    }
    if (m == "add") {
        jb_arg a, b;
        if (jb_proxy_call_arg(call, 0, &a) != JB_OK || jb_proxy_call_arg(call, 1, &b) != JB_OK) return JB_EINTERNAL;
        if (a.type != JB_ARG_INT32 || b.type != JB_ARG_INT32) return JB_ETYPE;
        if (jb_proxy_call_arg(call, 2, &a) != JB_EINVAL) return JB_EINTERNAL;
        if (jb_proxy_call_set_result(call, nullptr) != JB_EINVAL) return JB_EINTERNAL;
        jb_arg r = jb_arg_int32(a.u.i32 * 0 + b.u.i32 + 1000); // by address, on Proxy's route
        return jb_proxy_call_set_result(call, &r);
    }
    return JB_PROXY_UNHANDLED;
}

struct ProxyFixture : WithVm {
    jb_proxy *proxy = nullptr;
    jb_object *object = nullptr;
    State state;
    void make(const char *iface = kGreeter, jb_proxy_fn fn = greeter) {
        const char *ifaces[] = {iface};
        ASSERT_EQ(jb_proxy_new(ifaces, 1, fn, &state, &proxy, &object), JB_OK) << jb_error_message();
    }
    std::string call_s(const char *name, const char *sig, std::vector<jb_arg> args) {
        jb_method *m = find_static(name, sig, kProxy);
        char *out = nullptr;
        int rc = jb_call_static_string(m, args.data(), args.size(), &out, nullptr);
        std::string r = rc == JB_OK ? (out != nullptr ? out : "<null>") : std::string("rc ") + jb_error_name(rc) + " " + jb_error_message();
        jb_string_free(out);
        jb_method_free(m);
        return r;
    }
    void TearDown() override {
        jb_object_free(object);
        jb_proxy_free(proxy);
        WithVm::TearDown();
    }
};

using Proxies = ProxyFixture;

TEST_F(Proxies, JavaCallsTheCHandler) {
    make();
    EXPECT_EQ(call_s("greet", "(Ldev/javabridge/capi/CapiProxyTarget$Greeter;Ljava/lang/String;)Ljava/lang/String;",
                     {jb_arg_object(object), jb_arg_string("w\xc3\xb6rld")}), "hello w\xc3\xb6rld");
    jb_method *add = find_static("add", "(Ldev/javabridge/capi/CapiProxyTarget$Greeter;II)I", kProxy);
    jb_arg args[] = {jb_arg_object(object), jb_arg_int32(1), jb_arg_int32(2)};
    int32_t r = 0;
    ASSERT_EQ(jb_call_static_int32(add, args, 3, &r), JB_OK) << jb_error_message();
    EXPECT_EQ(r, 1002);
    jb_method_free(add);
    EXPECT_EQ(call_s("greetTwice", "(Ldev/javabridge/capi/CapiProxyTarget$Greeter;Ljava/lang/String;)Ljava/lang/String;",
                     {jb_arg_object(object), jb_arg_string("x")}), "hello x+hello x") << "the default method's Java body ran";
    EXPECT_EQ(call_s("objectMethods", "(Ljava/lang/Object;)Ljava/lang/String;", {jb_arg_object(object)}),
              "true,false,true,true");
    char *cls = nullptr;
    ASSERT_EQ(jb_object_class_name(object, &cls), JB_OK);
    EXPECT_NE(std::string(cls).find("$Proxy"), std::string::npos) << cls;
    jb_string_free(cls);
    EXPECT_GE(state.calls.load(), 4);
}

TEST_F(Proxies, HandlerErrorsBecomeJavaExceptions) {
    make();
    const char *sig = "(Ldev/javabridge/capi/CapiProxyTarget$Greeter;Ljava/lang/String;)Ljava/lang/String;";
    EXPECT_EQ(call_s("outcomeOfGreet", sig, {jb_arg_object(object), jb_arg_string("fail")}),
              "dev.javabridge.capi.CapiProxyTarget$HandlerFailure:no greeting for fail");
    std::string unknown = call_s("outcomeOfGreet", sig, {jb_arg_object(object), jb_arg_string("fail-unknown-class")});
    EXPECT_EQ(unknown.rfind("java.lang.RuntimeException:", 0), 0u) << unknown;
    EXPECT_NE(unknown.find("no.such.Exception"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("msg kept"), std::string::npos) << unknown;
    std::string plain = call_s("outcomeOfGreet", sig, {jb_arg_object(object), jb_arg_string("fail-plain")});
    EXPECT_NE(plain.find("JB_ERANGE"), std::string::npos) << plain;
    EXPECT_EQ(call_s("outcomeOfGreet", sig, {jb_arg_object(object), jb_arg_string("wrong-result")}), "ok:null")
        << "an int for a String result is refused; the handler then returned no result (null)";
    EXPECT_EQ(call_s("outcomeOfUnimplemented", "(Ldev/javabridge/capi/CapiProxyTarget$Greeter;)Ljava/lang/String;",
                     {jb_arg_object(object)}),
              "java.lang.UnsupportedOperationException:the jb_proxy handler does not implement unimplemented");
    // The JVM and the thread stay usable.
    EXPECT_EQ(call_s("greet", sig, {jb_arg_object(object), jb_arg_string("again")}), "hello again");
}

TEST_F(Proxies, FreeingMakesLaterCallsThrow) {
    make();
    const char *sig = "(Ldev/javabridge/capi/CapiProxyTarget$Greeter;Ljava/lang/String;)Ljava/lang/String;";
    ASSERT_EQ(jb_proxy_free(proxy), JB_OK);
    EXPECT_EQ(call_s("outcomeOfGreet", sig, {jb_arg_object(object), jb_arg_string("x")}),
              "java.lang.IllegalStateException:this proxy's C handler was freed (jb_proxy_free)");
    EXPECT_EQ(state.calls.load(), 0) << "the handler was never reached";
    EXPECT_EQ(jb_proxy_free(proxy), JB_EHANDLE);
    proxy = nullptr;
    EXPECT_EQ(jb_proxy_free(reinterpret_cast<jb_proxy *>(uintptr_t(0x123456789))), JB_EHANDLE);
    EXPECT_EQ(jb_proxy_free(nullptr), JB_OK);
}

int runnable(jb_proxy_call *call, void *user_data) {
    if (std::strcmp(jb_proxy_call_method(call), "run") != 0) return JB_PROXY_UNHANDLED;
    static_cast<State *>(user_data)->calls++;
    // A handler may call back into Java through the C API.
    jb_method *add = nullptr;
    if (jb_method_find_static(kTarget, "add", "(II)I", &add) != JB_OK) return JB_EINTERNAL;
    jb_arg a[] = {jb_arg_int32(1), jb_arg_int32(2)};
    int32_t r = 0;
    int rc = jb_call_static_int32(add, a, 2, &r);
    jb_method_free(add);
    return rc == JB_OK && r == 3 ? JB_OK : JB_EINTERNAL;
}

TEST_F(Proxies, AnyJavaThreadMayCall) {
    make("java.lang.Runnable", runnable);
    jb_method *run = find_static("runOnJavaThreads", "(Ljava/lang/Runnable;II)Ljava/lang/String;", kProxy);
    jb_arg args[] = {jb_arg_object(object), jb_arg_int32(4), jb_arg_int32(500)};
    char *out = nullptr;
    ASSERT_EQ(jb_call_static_string(run, args, 3, &out, nullptr), JB_OK) << jb_error_message();
    EXPECT_STREQ(out, "ok,ok,ok,ok");
    EXPECT_EQ(state.calls.load(), 2000);
    jb_string_free(out);
    // Freed while Java threads call it: every call either ran or threw IllegalStateException.
    state.calls = 0;
    std::thread freer([this] {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        jb_proxy_free(proxy);
    });
    jb_arg many[] = {jb_arg_object(object), jb_arg_int32(4), jb_arg_int32(10000000)};
    ASSERT_EQ(jb_call_static_string(run, many, 3, &out, nullptr), JB_OK) << jb_error_message();
    freer.join();
    proxy = nullptr;
    std::string o = out;
    jb_string_free(out);
    EXPECT_NE(o.find("java.lang.IllegalStateException"), std::string::npos) << o;
    EXPECT_EQ(o.find("ok"), std::string::npos) << "every thread ended on the freed proxy: " << o;
    jb_method_free(run);
}

int arith(jb_proxy_call *call, void *user_data) {
    static_cast<State *>(user_data)->calls++;
    std::string m = jb_proxy_call_method(call);
    jb_arg a{}, b{};
    size_t n = jb_proxy_call_arg_count(call);
    if (n > 0 && jb_proxy_call_arg(call, 0, &a) != JB_OK) return JB_EINTERNAL;
    if (n > 1 && jb_proxy_call_arg(call, 1, &b) != JB_OK) return JB_EINTERNAL;
    if (jb_proxy_call_arg(call, n, &b) != JB_EINVAL) return JB_EINTERNAL;
    if ((m == "add" || m == "applyAsInt") && a.type == JB_ARG_INT32 && b.type == JB_ARG_INT32) {
        return jb_proxy_call_return(call, jb_arg_int32(a.u.i32 + b.u.i32));
    }
    if (m == "mul" && a.type == JB_ARG_INT64 && b.type == JB_ARG_INT64) {
        jb_arg wrong = jb_arg_string("x"), r = jb_arg_int64(a.u.i64 * b.u.i64);
        if (jb_proxy_call_set_result(call, nullptr) != JB_EINVAL || jb_proxy_call_set_result(call, &wrong) != JB_ETYPE) {
            return JB_EINTERNAL;
        }
        return jb_proxy_call_set_result(call, &r); // by address, on the native class's route
    }
    if (m == "scale" && a.type == JB_ARG_DOUBLE && b.type == JB_ARG_INT32) return jb_proxy_call_return(call, jb_arg_double(a.u.d * b.u.i32));
    if (m == "not" && a.type == JB_ARG_BOOL) {
        if (jb_proxy_call_return(call, jb_arg_int32(1)) != JB_ETYPE) return JB_EINTERNAL; // checked as today
        return jb_proxy_call_return(call, jb_arg_bool(!a.u.b));
    }
    if (m == "fail" && a.u.i32 == 1) {
        jb_proxy_call_throw(call, "dev.javabridge.capi.CapiProxyTarget$HandlerFailure", "arith failed");
        return JB_EINVAL;
    }
    if (m == "fail" && a.u.i32 == 2) {
        jb_proxy_call_throw(call, "no.such.Exception", "kept");
        return JB_EINVAL;
    }
    if (m == "fail" && a.u.i32 == 3) return JB_ERANGE;
    if (m == "fail") return JB_OK; // no result for an int: NullPointerException, as Proxy gives
    return JB_PROXY_UNHANDLED;
}

// An interface set of primitive methods only is served by a class of native methods bound
// through host natives (a direct native call), with the same behaviour as Proxy's route.
TEST_F(Proxies, PrimitiveInterfacesAreServedByADirectNativeClass) {
    const char *ifaces[] = {"dev.javabridge.capi.CapiProxyTarget$Arith", "java.util.function.IntBinaryOperator"};
    ASSERT_EQ(jb_proxy_new(ifaces, 2, arith, &state, &proxy, &object), JB_OK) << jb_error_message();
    EXPECT_EQ(call_s("arith", "(Ldev/javabridge/capi/CapiProxyTarget$Arith;)Ljava/lang/String;", {jb_arg_object(object)}),
              "false;5;3298534883328;-5.0;false;true,false,true,true;"
              "java.lang.UnsupportedOperationException:the jb_proxy handler does not implement unimplemented;"
              "dev.javabridge.capi.CapiProxyTarget$HandlerFailure:arith failed;"
              "java.lang.RuntimeException:the jb_proxy handler's exception class no.such.Exception could not be made; its message: kept;"
              "java.lang.RuntimeException:jb_proxy handler for fail failed with JB_ERANGE;"
              "java.lang.NullPointerException");
    jb_method *apply = find_static("applyAsInt", "(Ljava/util/function/IntBinaryOperator;II)I", kProxy);
    jb_arg aa[] = {jb_arg_object(object), jb_arg_int32(40), jb_arg_int32(2)};
    int32_t r = 0;
    ASSERT_EQ(jb_call_static_int32(apply, aa, 3, &r), JB_OK) << jb_error_message();
    EXPECT_EQ(r, 42);
    jb_method_free(apply);
    // the same set again: the same class, defined once
    jb_proxy *p2 = nullptr;
    jb_object *o2 = nullptr;
    ASSERT_EQ(jb_proxy_new(ifaces, 2, arith, &state, &p2, &o2), JB_OK) << jb_error_message();
    jb_method *same = find_static("sameClass", "(Ljava/lang/Object;Ljava/lang/Object;)Z", kProxy);
    jb_arg sa[] = {jb_arg_object(object), jb_arg_object(o2)};
    bool z = false;
    ASSERT_EQ(jb_call_static_bool(same, sa, 2, &z), JB_OK) << jb_error_message();
    EXPECT_TRUE(z);
    jb_method_free(same);
    // freeing one proxy leaves the other working
    int before = state.calls.load();
    ASSERT_EQ(jb_proxy_free(proxy), JB_OK);
    proxy = nullptr;
    const char *sig = "(Ldev/javabridge/capi/CapiProxyTarget$Arith;)Ljava/lang/String;";
    EXPECT_EQ(call_s("outcomeOfArithAdd", sig, {jb_arg_object(object)}),
              "java.lang.IllegalStateException:this proxy's C handler was freed (jb_proxy_free)");
    EXPECT_EQ(state.calls.load(), before) << "the freed proxy's handler was not reached";
    EXPECT_EQ(call_s("outcomeOfArithAdd", sig, {jb_arg_object(o2)}), "ok");
    jb_object_free(o2);
    jb_proxy_free(p2);
}

// Native classes are kept for good, one host-native slot per method: together they keep at most
// a quarter of the slots, and past that Proxy serves, so that jb_register_natives keeps the rest.
TEST_F(Proxies, NativeClassesKeepAtMostAQuarterOfTheHostNativeSlots) {
    // No default methods, primitives only: each set's class takes its methods + 3 slots.
    const char *ifaces[] = {"java.lang.Runnable", "java.util.function.IntSupplier", "java.util.function.LongSupplier",
                            "java.util.function.DoubleSupplier", "java.util.function.BooleanSupplier",
                            "java.util.function.IntBinaryOperator", "java.util.function.LongBinaryOperator"};
    const size_t n = sizeof ifaces / sizeof ifaces[0];
    int native = 0, proxied = 0, slots = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            if (i == j) continue;
            const char *set[] = {ifaces[i], ifaces[j]};
            jb_proxy *p = nullptr;
            jb_object *o = nullptr;
            ASSERT_EQ(jb_proxy_new(set, 2, arith, &state, &p, &o), JB_OK) << jb_error_message();
            std::string r = call_s("route", "(Ljava/lang/Object;)Ljava/lang/String;", {jb_arg_object(o)});
            EXPECT_NE(r.find(":jb_proxy@"), std::string::npos) << r;
            if (r.rfind("native:", 0) == 0) {
                native++;
                slots += 5;
            } else {
                proxied++;
            }
            jb_object_free(o);
            jb_proxy_free(p);
        }
    }
    EXPECT_LE(slots, JB_NATIVES_MAX / 4);
    EXPECT_GE(slots, JB_NATIVES_MAX / 4 - 5) << "the quarter is used before Proxy takes over";
    EXPECT_GT(proxied, 0);
    // the other three quarters are still there for host natives: copies of a class outside the
    // class path, each from its own loader, two natives each
    const char *path = JB_LOADER_DIR "/classes";
    std::vector<jb_loader *> loaders;
    std::vector<jb_object *> classes;
    jb_native_method twice[] = {
        {"twice", "(I)I", [](jb_native_call *, const jb_arg *, size_t, void *) -> int { return JB_OK; }, nullptr},
        {"same", "(Ldev/javabridge/loadtest/Twice;)Ldev/javabridge/loadtest/Twice;",
         [](jb_native_call *, const jb_arg *, size_t, void *) -> int { return JB_OK; }, nullptr}};
    for (int bound = 0; bound < JB_NATIVES_MAX - JB_NATIVES_MAX / 4; bound += 2) {
        jb_loader *l = nullptr;
        jb_object *c = nullptr;
        ASSERT_EQ(jb_loader_new(&path, 1, &l), JB_OK) << jb_error_message();
        loaders.push_back(l);
        ASSERT_EQ(jb_loader_find_class(l, "dev.javabridge.loadtest.Twice", &c), JB_OK) << jb_error_message();
        classes.push_back(c);
        ASSERT_EQ(jb_register_natives(c, twice, 2), JB_OK) << bound << ": " << jb_error_message();
    }
    for (jb_object *c : classes) {
        EXPECT_EQ(jb_unregister_natives(c), JB_OK);
        jb_object_free(c);
    }
    for (jb_loader *l : loaders) jb_loader_free(l);
}

int comparator(jb_proxy_call *call, void *) {
    if (std::strcmp(jb_proxy_call_method(call), "compare") != 0) return JB_PROXY_UNHANDLED;
    jb_arg a, b;
    if (jb_proxy_call_arg(call, 0, &a) != JB_OK || jb_proxy_call_arg(call, 1, &b) != JB_OK) return JB_EINTERNAL;
    // by length, then reversed
    std::string x(a.u.str.data, a.u.str.len), y(b.u.str.data, b.u.str.len);
    int r = x.size() != y.size() ? int(x.size()) - int(y.size()) : y.compare(x);
    return jb_proxy_call_return(call, jb_arg_int32(r));
}

TEST_F(Proxies, AComparatorForArraysSort) {
    make("java.util.Comparator", comparator);
    const char *in[] = {"ccc", "a", "bb", "b", "aaa"};
    EXPECT_EQ(call_s("sorted", "(Ljava/util/Comparator;[Ljava/lang/String;)Ljava/lang/String;",
                     {jb_arg_object(object), jb_arg_strings(in, 5)}), "b,a,bb,ccc,aaa");
}

int all_types(jb_proxy_call *call, void *) {
    std::string m = jb_proxy_call_method(call);
    if (m == "mix") {
        std::string seen;
        for (size_t i = 0; i < jb_proxy_call_arg_count(call); i++) {
            jb_arg a;
            if (jb_proxy_call_arg(call, i, &a) != JB_OK) return JB_EINTERNAL;
            char buf[64];
            switch (a.type) {
            case JB_ARG_INT8: snprintf(buf, sizeof buf, "b%d", a.u.i8); break;
            case JB_ARG_INT16: snprintf(buf, sizeof buf, "s%d", a.u.i16); break;
            case JB_ARG_UINT16: snprintf(buf, sizeof buf, "c%u", a.u.u16); break;
            case JB_ARG_INT32: snprintf(buf, sizeof buf, "i%d", a.u.i32); break;
            case JB_ARG_INT64: snprintf(buf, sizeof buf, "j%lld", static_cast<long long>(a.u.i64)); break;
            case JB_ARG_FLOAT: snprintf(buf, sizeof buf, "f%g", a.u.f); break;
            case JB_ARG_DOUBLE: snprintf(buf, sizeof buf, "d%g", a.u.d); break;
            case JB_ARG_BOOL: snprintf(buf, sizeof buf, "z%d", a.u.b); break;
            case JB_ARG_STRING: snprintf(buf, sizeof buf, "S%.*s", int(a.u.str.len), a.u.str.data); break;
            case JB_ARG_OBJECT: {
                char *cls = nullptr;
                jb_object_class_name(a.u.obj, &cls);
                snprintf(buf, sizeof buf, "O%s", cls != nullptr ? "list" : "?");
                jb_string_free(cls);
                break;
            }
            default: snprintf(buf, sizeof buf, "?%d", a.type);
            }
            seen += std::string(seen.empty() ? "" : " ") + buf;
        }
        return jb_proxy_call_return(call, jb_arg_string_n(seen.data(), seen.size()));
    }
    if (m == "half") {
        jb_arg a;
        jb_proxy_call_arg(call, 0, &a);
        if (jb_proxy_call_return(call, jb_arg_double(1)) != JB_OK) return JB_EINTERNAL; // double converts to F
        return jb_proxy_call_return(call, jb_arg_float(a.u.f / 2));                     // the last one wins
    }
    if (m == "next") {
        jb_arg a;
        jb_proxy_call_arg(call, 0, &a);
        if (jb_proxy_call_return(call, jb_arg_int8(1)) != JB_ETYPE) return JB_EINTERNAL;
        if (jb_proxy_call_return(call, jb_arg_int32(-1)) != JB_ERANGE) return JB_EINTERNAL;
        return jb_proxy_call_return(call, jb_arg_uint16(uint16_t(a.u.u16 + 1)));
    }
    if (m == "anything") return jb_proxy_call_return(call, jb_arg_string("a string as Object"));
    if (m == "list") {
        if (jb_proxy_call_return(call, jb_arg_string("no")) != JB_ETYPE) return JB_EINTERNAL; // String is no List
        return jb_proxy_call_return(call, jb_arg_null());
    }
    return JB_PROXY_UNHANDLED;
}

TEST_F(Proxies, EveryArgumentAndResultType) {
    make("dev.javabridge.capi.CapiProxyTarget$AllTypes", all_types);
    EXPECT_EQ(call_s("mix", "(Ldev/javabridge/capi/CapiProxyTarget$AllTypes;)Ljava/lang/String;", {jb_arg_object(object)}),
              "b-1 s-2 c233 i4 j1099511627776 f0.5 d0.25 z1 Sh\xc3\xa9\xf0\x9f\x98\x80 Olist;1.5;98;a string as Object;null");
}

TEST_F(Proxies, BadInput) {
    const char *ifaces[] = {kGreeter};
    const char *not_iface[] = {"java.lang.String"};
    const char *missing[] = {"no.such.Iface"};
    const char *bad_utf8[] = {"java.lang.\xff"};
    const char *with_null[] = {nullptr};
    EXPECT_EQ(jb_proxy_new(nullptr, 1, greeter, &state, &proxy, &object), JB_EINVAL);
    EXPECT_EQ(jb_proxy_new(ifaces, 0, greeter, &state, &proxy, &object), JB_EINVAL);
    EXPECT_EQ(jb_proxy_new(ifaces, 1, nullptr, &state, &proxy, &object), JB_EINVAL);
    EXPECT_EQ(jb_proxy_new(ifaces, 1, greeter, &state, nullptr, &object), JB_EINVAL);
    EXPECT_EQ(jb_proxy_new(ifaces, 1, greeter, &state, &proxy, nullptr), JB_EINVAL);
    EXPECT_EQ(jb_proxy_new(with_null, 1, greeter, &state, &proxy, &object), JB_EINVAL);
    EXPECT_EQ(jb_proxy_new(not_iface, 1, greeter, &state, &proxy, &object), JB_ECLASS);
    EXPECT_NE(std::string(jb_error_message()).find("not an interface"), std::string::npos);
    EXPECT_EQ(jb_proxy_new(missing, 1, greeter, &state, &proxy, &object), JB_ECLASS);
    EXPECT_EQ(jb_proxy_new(bad_utf8, 1, greeter, &state, &proxy, &object), JB_EENCODING);
    EXPECT_EQ(proxy, nullptr);
    EXPECT_EQ(object, nullptr);
    // Two interfaces, one from the bootstrap loader and one from the application's.
    const char *two[] = {"java.lang.Runnable", kGreeter};
    ASSERT_EQ(jb_proxy_new(two, 2, greeter, &state, &proxy, &object), JB_OK) << jb_error_message();
    // Outside a handler, the call functions refuse a NULL call.
    jb_arg a;
    EXPECT_EQ(jb_proxy_call_arg(nullptr, 0, &a), JB_EINVAL);
    EXPECT_EQ(jb_proxy_call_return(nullptr, jb_arg_int32(1)), JB_EINVAL);
    EXPECT_EQ(jb_proxy_call_throw(nullptr, nullptr, nullptr), JB_EINVAL);
    EXPECT_STREQ(jb_proxy_call_method(nullptr), "");
    EXPECT_EQ(jb_proxy_call_arg_count(nullptr), 0u);
}

}  // namespace

// Java threads that go on calling C-implemented objects while the host closes the JVM: the
// close still destroys it and nothing crashes; once it returns, no handler runs again.
constexpr const char *kCallUntilEnd = "(Ljava/lang/Runnable;IZ)V";
constexpr const char *kGreetUntilEnd = "(Ldev/javabridge/capi/CapiProxyTarget$Greeter;IZ)V";

void start_java_callers(jb_object *object, const char *starter, const char *sig, bool daemon) {
    jb_method *start = find_static(starter, sig, kProxy);
    jb_arg args[] = {jb_arg_object(object), jb_arg_int32(4), jb_arg_bool(daemon)};
    ASSERT_EQ(jb_call_static_void(start, args, 3), JB_OK) << jb_error_message();
    jb_method_free(start);
}

void wait_for_calls(const std::atomic<int> &calls, int n) {
    while (calls.load() < n) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

struct ProxiesAtClose : ProxyFixture {
    void close_while_java_threads_call(const char *starter, const char *sig) {
        start_java_callers(object, starter, sig, true);
        wait_for_calls(state.calls, 2000);
        EXPECT_EQ(jb_vm_close(vm_), JB_OK) << jb_error_message();
        vm_ = nullptr;
        int after = state.calls.load();
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        EXPECT_EQ(state.calls.load(), after) << "a handler ran after jb_vm_close returned";
    }
};

TEST_F(ProxiesAtClose, JavaThreadsCallingANativeClass) {
    make("java.lang.Runnable", runnable);
    close_while_java_threads_call("callUntilTheJvmEnds", kCallUntilEnd);
}

TEST_F(ProxiesAtClose, JavaThreadsCallingAProxy) {
    make();
    close_while_java_threads_call("greetUntilTheJvmEnds", kGreetUntilEnd);
}

// Non-daemon threads keep DestroyJavaVM waiting past the close's timeout: the JVM lives on
// with its threads still calling, so the objects must go on working until they are freed.
TEST(ProxiesAtCloseTimeout, ObjectsWorkUntilFreedWhileTheJvmCannotShutDown) {
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.destroy_timeout_ms = 500;
    jb_vm *vm = open_vm({}, &o);
    ASSERT_NE(vm, nullptr);
    static State native_state, proxy_state; // the threads outlive this test
    const char *runnable_iface[] = {"java.lang.Runnable"}, *greeter_iface[] = {kGreeter};
    jb_proxy *native_proxy = nullptr, *proxy = nullptr;
    jb_object *native_object = nullptr, *object = nullptr;
    ASSERT_EQ(jb_proxy_new(runnable_iface, 1, runnable, &native_state, &native_proxy, &native_object), JB_OK);
    ASSERT_EQ(jb_proxy_new(greeter_iface, 1, greeter, &proxy_state, &proxy, &object), JB_OK);
    start_java_callers(native_object, "callUntilTheJvmEnds", kCallUntilEnd, false);
    start_java_callers(object, "greetUntilTheJvmEnds", kGreetUntilEnd, false);
    wait_for_calls(native_state.calls, 1000);
    wait_for_calls(proxy_state.calls, 1000);
    EXPECT_EQ(jb_vm_close(vm), JB_ETIMEDOUT) << jb_error_message();
    int native_before = native_state.calls.load(), before = proxy_state.calls.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_GT(proxy_state.calls.load(), before) << "the proxy stopped serving while the JVM runs";
    // The Runnable's handler calls back through the C API, which is closed: it fails, and
    // Java goes on calling it.
    EXPECT_GT(native_state.calls.load(), native_before);
    EXPECT_EQ(jb_proxy_free(native_proxy), JB_OK);
    EXPECT_EQ(jb_proxy_free(proxy), JB_OK);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    int native_freed = native_state.calls.load(), freed = proxy_state.calls.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(native_state.calls.load(), native_freed) << "a freed handler still ran";
    EXPECT_EQ(proxy_state.calls.load(), freed) << "a freed handler still ran";
}
