// Every C->Java path (static, instance, constructor; each result type) fails with each kind of
// Throwable, many times, on the opening thread and on attached threads: always JB_EJAVA with the
// right class and message, and the next call on the same thread succeeds.
#include "stress_fixture.h"

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

using namespace jbtest;
using namespace jbstress;

namespace {

enum Kind { NONE = 0, CHECKED = 1, RUNTIME = 2, ERROR = 3, STACK_OVERFLOW = 4, OUT_OF_MEMORY = 5 };

struct Expected {
    Kind kind;
    const char *java_class;
    bool has_message;        // the message is the one passed in
    const char *fixed;       // or this one (NULL: none at all)
};

const Expected kKinds[] = {
    {CHECKED, "java.io.IOException", true, nullptr},
    {RUNTIME, "java.lang.IllegalStateException", true, nullptr},
    {ERROR, "java.lang.AssertionError", true, nullptr},
    {STACK_OVERFLOW, "java.lang.StackOverflowError", false, nullptr},
    {OUT_OF_MEMORY, "java.lang.OutOfMemoryError", false, "Java heap space"},
};

enum Ret { VOID, BOOL, INT32, INT64, DOUBLE, STRING, BYTES, OBJECT, NEW };
enum Path { STATIC, INSTANCE, CONSTRUCTOR };

struct Site {
    Path path;
    Ret ret;
    std::string name;
    std::string sig;
    jb_method *m = nullptr;
};

std::vector<Site> sites() {
    const char *names[] = {"Void", "Bool", "Int", "Long", "Double", "String", "Bytes", "Object"};
    const char *rets[] = {"V", "Z", "I", "J", "D", "Ljava/lang/String;", "[B", "Ljava/lang/Object;"};
    std::vector<Site> out;
    for (int path = STATIC; path <= INSTANCE; path++) {
        for (int r = VOID; r <= OBJECT; r++) {
            Site s;
            s.path = static_cast<Path>(path);
            s.ret = static_cast<Ret>(r);
            s.name = (path == STATIC ? "s" : "i") + std::string(names[r]);
            s.sig = std::string("(ILjava/lang/String;)") + rets[r];
            out.push_back(s);
        }
    }
    Site ctor;
    ctor.path = CONSTRUCTOR;
    ctor.ret = NEW;
    ctor.name = "<init>";
    ctor.sig = "(ILjava/lang/String;)V";
    out.push_back(ctor);
    return out;
}

void find_all(std::vector<Site> &all) {
    for (Site &s : all) {
        int rc = s.path == STATIC        ? jb_method_find_static(kStress, s.name.c_str(), s.sig.c_str(), &s.m)
                 : s.path == INSTANCE    ? jb_method_find_instance(kStress, s.name.c_str(), s.sig.c_str(), &s.m)
                                         : jb_method_find_constructor(kStress, s.sig.c_str(), &s.m);
        ASSERT_EQ(rc, JB_OK) << s.name << s.sig << ": " << jb_error_message();
    }
}

// One call of site s; on success checks the result. Returns the status, "" or what was wrong.
int invoke(const Site &s, jb_object *self, int kind, const std::string &msg, std::string *wrong) {
    jb_arg args[] = {jb_arg_int32(kind), jb_arg_string_n(msg.data(), msg.size())};
    bool b = false;
    int32_t i = 0;
    int64_t l = 0;
    double d = 0;
    char *str = nullptr;
    size_t len = 0;
    uint8_t *bytes = nullptr;
    jb_object *o = nullptr;
    int rc = JB_EINTERNAL;
    bool st = s.path == STATIC;
    switch (s.ret) {
        case VOID: rc = st ? jb_call_static_void(s.m, args, 2) : jb_call_instance_void(s.m, self, args, 2); break;
        case BOOL: rc = st ? jb_call_static_bool(s.m, args, 2, &b) : jb_call_instance_bool(s.m, self, args, 2, &b); break;
        case INT32: rc = st ? jb_call_static_int32(s.m, args, 2, &i) : jb_call_instance_int32(s.m, self, args, 2, &i); break;
        case INT64: rc = st ? jb_call_static_int64(s.m, args, 2, &l) : jb_call_instance_int64(s.m, self, args, 2, &l); break;
        case DOUBLE: rc = st ? jb_call_static_double(s.m, args, 2, &d) : jb_call_instance_double(s.m, self, args, 2, &d); break;
        case STRING:
            rc = st ? jb_call_static_string(s.m, args, 2, &str, &len)
                    : jb_call_instance_string(s.m, self, args, 2, &str, &len);
            break;
        case BYTES:
            rc = st ? jb_call_static_bytes(s.m, args, 2, &bytes, &len)
                    : jb_call_instance_bytes(s.m, self, args, 2, &bytes, &len);
            break;
        case OBJECT: rc = st ? jb_call_static_object(s.m, args, 2, &o) : jb_call_instance_object(s.m, self, args, 2, &o); break;
        case NEW: rc = jb_call_new(s.m, args, 2, &o); break;
    }
    if (rc == JB_OK) {
        std::string expect_str = st ? msg : msg + "self";  // iString appends the receiver's text
        switch (s.ret) {
            case VOID: break;
            case BOOL: if (!b) *wrong = "bool false"; break;
            case INT32: if (i != 42) *wrong = "int32 " + std::to_string(i); break;
            case INT64: if (l != (int64_t{1} << 40)) *wrong = "int64 " + std::to_string(l); break;
            case DOUBLE: if (d != 0.5) *wrong = "double " + std::to_string(d); break;
            case STRING: if (str == nullptr || std::string(str, len) != expect_str) *wrong = "string"; break;
            case BYTES:
                if (bytes == nullptr || std::string(reinterpret_cast<char *>(bytes), len) != msg) *wrong = "bytes";
                break;
            case OBJECT:
            case NEW: {
                char *cls = nullptr;
                if (o == nullptr || jb_object_class_name(o, &cls) != JB_OK) {
                    *wrong = "object";
                } else if (std::strcmp(cls, s.ret == NEW ? kStress : "java.lang.String") != 0) {
                    *wrong = std::string("object of class ") + cls;
                }
                jb_string_free(cls);
                break;
            }
        }
    } else if (str != nullptr || bytes != nullptr || o != nullptr) {
        *wrong = "an out parameter was set on failure";
    }
    jb_string_free(str);
    jb_bytes_free(bytes);
    if (o != nullptr) jb_object_free(o);
    return rc;
}

struct Tally {
    long calls = 0;
    long failures = 0;
    std::string first;
    void fail(const std::string &what) {
        if (failures++ == 0) first = what;
    }
};

// reps failing calls of every site and kind, each followed by a succeeding one, on this thread.
void hammer(std::vector<Site> &all, const Expected *kinds, size_t nkinds, int reps, const char *who, Tally *t) {
    jb_object *self = nullptr;
    jb_method *ctor = all.back().m;
    jb_arg cargs[] = {jb_arg_int32(NONE), jb_arg_string("self")};
    if (jb_call_new(ctor, cargs, 2, &self) != JB_OK) {
        t->fail(std::string("receiver: ") + jb_error_message());
        return;
    }
    for (size_t k = 0; k < nkinds; k++) {
        const Expected &e = kinds[k];
        for (const Site &s : all) {
            for (int r = 0; r < reps; r++) {
                std::string msg = std::string(who) + " " + s.name + " #" + std::to_string(r) + " \xE2\x9A\xA1";
                std::string wrong;
                int rc = invoke(s, self, e.kind, msg, &wrong);
                t->calls++;
                const char *cls = jb_error_java_class();
                const char *jmsg = jb_error_java_message();
                std::string where = std::string(who) + " " + s.name + s.sig + " kind " + std::to_string(e.kind) + " #" +
                                    std::to_string(r) + ": ";
                if (rc != JB_EJAVA) {
                    t->fail(where + jb_error_name(rc) + " " + jb_error_message());
                } else if (cls == nullptr || std::strcmp(cls, e.java_class) != 0) {
                    t->fail(where + "class " + (cls ? cls : "(null)"));
                } else if (e.has_message ? (jmsg == nullptr || msg != jmsg)
                                         : (e.fixed == nullptr ? jmsg != nullptr
                                                               : (jmsg == nullptr || std::strcmp(jmsg, e.fixed) != 0))) {
                    t->fail(where + "message " + (jmsg ? jmsg : "(null)"));
                } else if (!wrong.empty()) {
                    t->fail(where + wrong);
                }
                wrong.clear();
                rc = invoke(s, self, NONE, msg, &wrong);
                t->calls++;
                if (rc != JB_OK || !wrong.empty()) {
                    t->fail(where + "the next call: " + jb_error_name(rc) + " " + jb_error_message() + " " + wrong);
                }
            }
        }
    }
    jb_object_free(self);
}

int reps_from_env(int fallback) {
    const char *s = std::getenv("JB_STRESS_EXCEPTION_REPS");
    return s != nullptr ? std::atoi(s) : fallback;
}

// Opens the JVM on a small-stack thread, hammers there, then on `attached` fresh threads.
void run(const Expected *kinds, size_t nkinds, int reps, int attached, std::vector<const char *> jvm_options,
         size_t stack = 256 << 10) {
    Tally opening, others;
    double opening_s = 0, others_s = 0;
    ASSERT_TRUE(run_on_small_stack([&] {
        jb_vm *vm = open_vm(jvm_options);
        ASSERT_NE(vm, nullptr);
        std::vector<Site> all = sites();
        find_all(all);
        auto t0 = std::chrono::steady_clock::now();
        hammer(all, kinds, nkinds, reps, "opening", &opening);
        opening_s = seconds_since(t0);
        t0 = std::chrono::steady_clock::now();
        std::vector<Tally> per(static_cast<size_t>(attached));
        for (int a = 0; a < attached; a++) {
            ASSERT_TRUE(run_on_small_stack(
                [&, a] {
                    bool is = true;
                    jb_vm_is_attached(&is);
                    if (is) per[static_cast<size_t>(a)].fail("attached before its first call");
                    hammer(all, kinds, nkinds, reps, "attached", &per[static_cast<size_t>(a)]);
                },
                stack));
        }
        others_s = seconds_since(t0);
        for (Tally &t : per) {
            others.calls += t.calls;
            if (t.failures > 0 && others.failures == 0) others.first = t.first;
            others.failures += t.failures;
        }
        for (Site &s : all) jb_method_free(s.m);
        EXPECT_EQ(jb_vm_close(vm), JB_OK) << jb_error_message();
    }, stack));
    JB_STRESS_FIGURE("%zu kinds x 17 paths x %d: opening thread %ld calls in %.2f s, %d attached thread(s) %ld calls in %.2f s",
                     nkinds, reps, opening.calls, opening_s, attached, others.calls, others_s);
    EXPECT_EQ(opening.failures, 0) << opening.first;
    EXPECT_EQ(others.failures, 0) << others.first;
    EXPECT_EQ(opening.calls, static_cast<long>(nkinds) * 17 * reps * 2);
}

}  // namespace

TEST(StressExceptions, CheckedRuntimeAndErrorOnEveryPath) {
    run(kKinds, 3, reps_from_env(1000), 1, {});
}

// A StackOverflowError or a real heap exhaustion costs about 2 ms each here, so by default these
// two spread their 1,000 per thread over the 17 paths (59 each, 1,003 in all);
// JB_STRESS_EXCEPTION_REPS=1000 runs 1,000 per path (about two minutes each on 2 cores).
// The 256 KiB stacks and the shorter recorded stack trace keep each overflow cheap.
constexpr int kCostlyRepsPerPath = 59;

TEST(StressExceptions, StackOverflowOnEveryPath) {
    run(kKinds + 3, 1, reps_from_env(kCostlyRepsPerPath), 1, {"-XX:MaxJavaStackTraceDepth=64"});
}

TEST(StressExceptions, OutOfMemoryOnEveryPathUnderASmallHeap) {
    run(kKinds + 4, 1, reps_from_env(kCostlyRepsPerPath), 1, {"-Xmx32m", "-XX:+UseSerialGC"});
}
