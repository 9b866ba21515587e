// Class loaders made after the JVM is up (loader.h): classes found only through them, from a
// folder, a jar and "dir/*"; parameter types resolved there; every bad input; threads; and the
// loader collectable once everything from it is freed.
#include "capi_fixture.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>

#include <string>

using namespace jbtest;

namespace {
using Loaders = WithVm;

const std::string kClasses = std::string(JB_LOADER_DIR) + "/classes";
const std::string kJarDir = std::string(JB_LOADER_DIR) + "/jars";
const std::string kJar = kJarDir + "/greeter.jar";
const std::string kJarStar = kJarDir + "/*";
constexpr const char *kGreeter = "dev.javabridge.loadtest.Greeter";
constexpr const char *kBox = "dev.javabridge.loadtest.Box";

jb_loader *make(const std::string &path) {
    const char *paths[] = {path.c_str()};
    jb_loader *l = nullptr;
    int rc = jb_loader_new(paths, 1, &l);
    EXPECT_EQ(rc, JB_OK) << path << ": " << jb_error_name(rc) << ": " << jb_error_message();
    return l;
}

// Greets through the loader: constructor, a parameter type only it knows, an instance method.
std::string greet(jb_loader *l, const char *name, int32_t count) {
    jb_method *new_greeter = nullptr, *new_box = nullptr, *greet = nullptr;
    EXPECT_EQ(jb_loader_find_constructor(l, kGreeter, "(Ljava/lang/String;)V", &new_greeter), JB_OK) << jb_error_message();
    EXPECT_EQ(jb_loader_find_constructor(l, kBox, "(I)V", &new_box), JB_OK) << jb_error_message();
    EXPECT_EQ(jb_loader_find_instance(l, kGreeter, "greet", "(Ldev/javabridge/loadtest/Box;)Ljava/lang/String;", &greet),
              JB_OK) << jb_error_message();
    jb_object *g = nullptr, *box = nullptr;
    jb_arg a = jb_arg_string(name);
    EXPECT_EQ(jb_call_new(new_greeter, &a, 1, &g), JB_OK) << jb_error_message();
    jb_arg c = jb_arg_int32(count);
    EXPECT_EQ(jb_call_new(new_box, &c, 1, &box), JB_OK) << jb_error_message();
    jb_arg b = jb_arg_object(box);
    char *out = nullptr;
    EXPECT_EQ(jb_call_instance_string(greet, g, &b, 1, &out, nullptr), JB_OK) << jb_error_message();
    std::string s = out != nullptr ? out : "<null>";
    jb_string_free(out);
    jb_object_free(g);
    jb_object_free(box);
    jb_method_free(new_greeter);
    jb_method_free(new_box);
    jb_method_free(greet);
    return s;
}

TEST_F(Loaders, ClassesOutsideTheClassPathAreFoundOnlyThroughTheLoader) {
    jb_method *m = nullptr;
    EXPECT_EQ(jb_method_find_static(kGreeter, "loaderClass", "()Ljava/lang/String;", &m), JB_ECLASS)
        << "the test is void if the JVM's own class path holds the class";
    for (const std::string &path : {kClasses, kJar, kJarStar}) {
        jb_loader *l = make(path);
        ASSERT_NE(l, nullptr);
        ASSERT_EQ(jb_loader_find_static(l, kGreeter, "loaderClass", "()Ljava/lang/String;", &m), JB_OK)
            << path << ": " << jb_error_message();
        char *who = nullptr;
        ASSERT_EQ(jb_call_static_string(m, nullptr, 0, &who, nullptr), JB_OK) << jb_error_message();
        EXPECT_STREQ(who, "java.net.URLClassLoader") << path;
        jb_string_free(who);
        jb_method_free(m);
        EXPECT_EQ(greet(l, "w\xc3\xb6rld", 3), "hello w\xc3\xb6rld x3") << path;

        // A static method whose parameter type only the loader knows, and a static field.
        jb_method *count_of = nullptr;
        ASSERT_EQ(jb_loader_find_static(l, kGreeter, "countOf", "(Ldev/javabridge/loadtest/Box;)I", &count_of), JB_OK)
            << jb_error_message();
        jb_method_free(count_of);
        jb_field *instances = nullptr;
        ASSERT_EQ(jb_loader_find_field_static(l, kGreeter, "instances", "I", &instances), JB_OK) << jb_error_message();
        int32_t n = 0;
        ASSERT_EQ(jb_field_get_int32(instances, nullptr, &n), JB_OK);
        EXPECT_EQ(n, 1) << "each loader defines its own Greeter, with its own static field";
        jb_field_free(instances);
        jb_field *name = nullptr;
        EXPECT_EQ(jb_loader_find_field_instance(l, kGreeter, "name", "Ljava/lang/String;", &name), JB_OK);
        jb_field_free(name);

        jb_object *cls = nullptr;
        ASSERT_EQ(jb_loader_find_class(l, kBox, &cls), JB_OK) << jb_error_message();
        char *cn = nullptr;
        ASSERT_EQ(jb_object_class_name(cls, &cn), JB_OK);
        EXPECT_STREQ(cn, "java.lang.Class");
        jb_string_free(cn);
        jb_object_free(cls);
        EXPECT_EQ(jb_loader_free(l), JB_OK);
    }
}

TEST_F(Loaders, ParentFirstAndNothingOnlyTheLoaderHasLeaksToTheDefaultLookups) {
    jb_loader *l = make(kClasses);
    // The system class loader is the parent: the test classes and the JDK are found through it.
    jb_method *add = nullptr;
    ASSERT_EQ(jb_loader_find_static(l, kTarget, "add", "(II)I", &add), JB_OK) << jb_error_message();
    jb_arg two[] = {jb_arg_int32(2), jb_arg_int32(3)};
    int32_t r = 0;
    ASSERT_EQ(jb_call_static_int32(add, two, 2, &r), JB_OK);
    EXPECT_EQ(r, 5);
    jb_method_free(add);
    jb_object *cls = nullptr;
    ASSERT_EQ(jb_loader_find_class(l, "java.lang.String", &cls), JB_OK);
    jb_object_free(cls);
    jb_method *m = nullptr;
    EXPECT_EQ(jb_method_find_static(kGreeter, "loaderClass", "()Ljava/lang/String;", &m), JB_ECLASS);
    jb_loader_free(l);
}

TEST_F(Loaders, BadInputIsRefusedWithTheDocumentedCode) {
    jb_loader *l = nullptr;
    const char *none[] = {nullptr};
    const char *empty[] = {""};
    std::string with_sep = kClasses + ":" + kJar;
    const char *sep[] = {with_sep.c_str()};
    const char *missing_dir[] = {"/no/such/folder/anywhere/*"};
    const char *bad_utf8[] = {"/tmp/\xc3\x28"};
    EXPECT_EQ(jb_loader_new(nullptr, 1, &l), JB_EINVAL);
    EXPECT_EQ(jb_loader_new(none, 1, &l), JB_EINVAL);
    EXPECT_EQ(jb_loader_new(empty, 1, &l), JB_EINVAL);
    EXPECT_EQ(jb_loader_new(sep, 1, &l), JB_EINVAL);
    EXPECT_EQ(jb_loader_new(missing_dir, 1, &l), JB_EINVAL);
    EXPECT_NE(std::string(jb_error_message()).find("/no/such/folder/anywhere/*"), std::string::npos) << jb_error_message();
    EXPECT_EQ(jb_loader_new(bad_utf8, 1, &l), JB_EENCODING) << jb_error_message();
    const char *ok[] = {kClasses.c_str()};
    EXPECT_EQ(jb_loader_new(ok, 1, nullptr), JB_EINVAL);
    EXPECT_EQ(l, nullptr) << "out untouched on failure";
    // No paths: a loader that finds only what its parent finds.
    ASSERT_EQ(jb_loader_new(nullptr, 0, &l), JB_OK);
    jb_object *cls = nullptr;
    EXPECT_EQ(jb_loader_find_class(l, kGreeter, &cls), JB_ECLASS);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.ClassNotFoundException");
    EXPECT_EQ(jb_loader_find_class(l, "", &cls), JB_EINVAL);
    EXPECT_EQ(jb_loader_find_class(l, nullptr, &cls), JB_EINVAL);
    EXPECT_EQ(jb_loader_find_class(l, "a.\xff", &cls), JB_EENCODING);
    EXPECT_EQ(jb_loader_free(l), JB_OK);

    // Freed, forged, NULL and wrong-kind loaders.
    jb_loader *freed = make(kClasses);
    ASSERT_EQ(jb_loader_free(freed), JB_OK);
    jb_method *m = find_static("add", "(II)I");
    jb_loader *wrong_kind = reinterpret_cast<jb_loader *>(m);
    jb_loader *forged = reinterpret_cast<jb_loader *>(uintptr_t(0x5555));
    jb_method *mo = nullptr;
    jb_field *fo = nullptr;
    jb_object *oo = nullptr;
    for (jb_loader *bad : {freed, wrong_kind, forged}) {
        EXPECT_EQ(jb_loader_free(bad), JB_EHANDLE);
        EXPECT_EQ(jb_loader_object(bad, &oo), JB_EHANDLE);
        EXPECT_EQ(jb_loader_find_class(bad, kGreeter, &oo), JB_EHANDLE);
        EXPECT_EQ(jb_loader_find_static(bad, kGreeter, "loaderClass", "()Ljava/lang/String;", &mo), JB_EHANDLE);
        EXPECT_EQ(jb_loader_find_instance(bad, kGreeter, "greet", "(Ldev/javabridge/loadtest/Box;)Ljava/lang/String;", &mo),
                  JB_EHANDLE);
        EXPECT_EQ(jb_loader_find_constructor(bad, kBox, "(I)V", &mo), JB_EHANDLE);
        EXPECT_EQ(jb_loader_find_field_static(bad, kGreeter, "instances", "I", &fo), JB_EHANDLE);
        EXPECT_EQ(jb_loader_find_field_instance(bad, kGreeter, "name", "Ljava/lang/String;", &fo), JB_EHANDLE);
    }
    EXPECT_EQ(jb_loader_find_static(nullptr, kGreeter, "x", "()V", &mo), JB_EINVAL);
    EXPECT_EQ(jb_loader_object(nullptr, &oo), JB_EINVAL);
    EXPECT_EQ(jb_loader_free(nullptr), JB_OK);
    EXPECT_EQ(mo, nullptr);
    int32_t r = 0;
    jb_arg two[] = {jb_arg_int32(1), jb_arg_int32(1)};
    EXPECT_EQ(jb_call_static_int32(m, two, 2, &r), JB_OK) << "a method is not freed as a loader";
    jb_method_free(m);

    // Lookups through a live loader report what plain lookups report.
    jb_loader *live = make(kJarStar);
    EXPECT_EQ(jb_loader_find_static(live, kGreeter, "noSuch", "()V", &mo), JB_EMETHOD);
    EXPECT_EQ(jb_loader_find_static(live, kGreeter, "loaderClass", "(", &mo), JB_ESIGNATURE);
    EXPECT_EQ(jb_loader_find_static(live, "dev.javabridge.loadtest.Nope", "x", "()V", &mo), JB_ECLASS);
    EXPECT_EQ(jb_loader_find_static(live, kGreeter, "countOf", "(Ldev/javabridge/loadtest/Nope;)I", &mo), JB_EMETHOD)
        << "no method takes a class that does not exist";
    EXPECT_EQ(jb_loader_find_field_static(live, kGreeter, "instances", "J", &fo), JB_EMETHOD);
    EXPECT_EQ(jb_loader_find_static(live, kGreeter, "loaderClass", "()Ljava/lang/String;", nullptr), JB_EINVAL);
    jb_loader_free(live);
}

TEST_F(Loaders, ThreadsMakeAndUseLoadersAtOnce) {
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int t = 0; t < 4; t++) {
        threads.emplace_back([&ok, t] {
            for (int k = 0; k < 5; k++) {
                jb_loader *l = make(t % 2 == 0 ? kJarStar : kClasses);
                if (l == nullptr) return;
                std::string name = "t" + std::to_string(t);
                if (greet(l, name.c_str(), k) == "hello " + name + " x" + std::to_string(k)) ok++;
                jb_loader_free(l);
            }
            jb_vm_detach_current_thread();
        });
    }
    for (auto &th : threads) th.join();
    EXPECT_EQ(ok.load(), 20);
}

// A WeakReference to the loader empties once every handle from it is freed and the JVM collects.
TEST_F(Loaders, AFreedLoaderIsCollectable) {
    jb_loader *l = make(kJarStar);
    EXPECT_EQ(greet(l, "gc", 1), "hello gc x1");
    jb_method *m = nullptr;
    ASSERT_EQ(jb_loader_find_static(l, kGreeter, "loaderClass", "()Ljava/lang/String;", &m), JB_OK);
    jb_object *as_object = nullptr;
    ASSERT_EQ(jb_loader_object(l, &as_object), JB_OK);
    char *cn = nullptr;
    ASSERT_EQ(jb_object_class_name(as_object, &cn), JB_OK);
    EXPECT_STREQ(cn, "java.net.URLClassLoader");
    jb_string_free(cn);
    jb_method *weak_new = nullptr, *weak_get = nullptr, *gc = nullptr;
    ASSERT_EQ(jb_method_find_constructor("java.lang.ref.WeakReference", "(Ljava/lang/Object;)V", &weak_new), JB_OK);
    ASSERT_EQ(jb_method_find_instance("java.lang.ref.Reference", "get", "()Ljava/lang/Object;", &weak_get), JB_OK);
    ASSERT_EQ(jb_method_find_static("java.lang.System", "gc", "()V", &gc), JB_OK);
    jb_object *weak = nullptr;
    jb_arg a = jb_arg_object(as_object);
    ASSERT_EQ(jb_call_new(weak_new, &a, 1, &weak), JB_OK);
    jb_object_free(as_object);
    jb_loader_free(l);

    auto collected = [&] {
        for (int i = 0; i < 20; i++) {
            EXPECT_EQ(jb_call_static_void(gc, nullptr, 0), JB_OK);
            jb_object *still = nullptr;
            EXPECT_EQ(jb_call_instance_object(weak_get, weak, nullptr, 0, &still), JB_OK);
            if (still == nullptr) return true;
            jb_object_free(still);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    };
    EXPECT_FALSE(collected()) << "a live jb_method from the loader holds its class, and so the loader";
    jb_method_free(m);
    EXPECT_TRUE(collected()) << "nothing holds the loader any more";
    jb_object_free(weak);
    jb_method_free(weak_new);
    jb_method_free(weak_get);
    jb_method_free(gc);
}
#ifdef __linux__
// Whether this process holds path open (the JVM keeps each jar it has read open).
bool is_open(const std::string &path) {
    char want[PATH_MAX];
    if (realpath(path.c_str(), want) == nullptr) return false;
    DIR *d = opendir("/proc/self/fd");
    if (d == nullptr) return false;
    bool found = false;
    for (struct dirent *e; !found && (e = readdir(d)) != nullptr;) {
        char link[PATH_MAX];
        ssize_t n = readlinkat(dirfd(d), e->d_name, link, sizeof link - 1);
        if (n > 0) {
            link[n] = '\0';
            found = std::string(link) == want;
        }
    }
    closedir(d);
    return found;
}

// jb_vm_open looks nothing up on the class path: a lookup that misses there reads every jar on
// it, which a program with a long class path would pay on every start (it made jb_vm_open
// 1.2-1.4x a bare JNI_CreateJavaVM with a single jar).
TEST(LoaderStartup, OpeningTheJvmReadsNoJarOnTheClassPath) {
    static const char *cp[2];
    cp[0] = test_classes();
    cp[1] = kJar.c_str();
    static const char *options[] = {"-Xcheck:jni"};
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.class_path = cp;
    o.class_path_count = 2;
    o.jvm_options = options;
    o.jvm_option_count = 1;
    jb_vm *vm = nullptr;
    ASSERT_EQ(jb_vm_open(&o, &vm), JB_OK) << jb_error_message();
    EXPECT_FALSE(is_open(kJar)) << "jb_vm_open read " << kJar;
    // The check sees a jar the JVM reads: the first class looked up there opens it.
    jb_method *m = nullptr;
    ASSERT_EQ(jb_method_find_static(kGreeter, "loaderClass", "()Ljava/lang/String;", &m), JB_OK) << jb_error_message();
    EXPECT_TRUE(is_open(kJar)) << "the check cannot see an open jar";
    jb_method_free(m);
    // Proxies, whose handler class jb_vm_open defines without looking it up, still work.
    jb_proxy *proxy = nullptr;
    jb_object *object = nullptr;
    const char *ifaces[] = {"java.lang.Runnable"};
    jb_proxy_fn fn = [](jb_proxy_call *, void *) -> int { return JB_OK; };
    ASSERT_EQ(jb_proxy_new(ifaces, 1, fn, nullptr, &proxy, &object), JB_OK) << jb_error_message();
    jb_object_free(object);
    jb_proxy_free(proxy);
    EXPECT_EQ(jb_vm_close(vm), JB_OK) << jb_error_message();
}
#endif

}  // namespace
