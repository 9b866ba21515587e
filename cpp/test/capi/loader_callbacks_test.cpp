// C called back from classes only a jb_loader can see (jar found through "dir/*"): a proxy of an
// interface of the loader (jb_proxy_new_in) and a host native of one of its classes
// (jb_register_natives), with the bad inputs of jb_proxy_new_in.
#include "capi_fixture.h"

using namespace jbtest;

namespace {
const std::string kJars = std::string(JB_LOADER_DIR) + "/jars/*";
constexpr const char *kShout = "dev.javabridge.loadtest.Shout";

int shout(jb_proxy_call *call, void *) {
    jb_arg a;
    if (jb_proxy_call_arg(call, 0, &a) != JB_OK || a.type != JB_ARG_STRING) return JB_ETYPE;
    std::string s(a.u.str.data, a.u.str.len);
    for (char &c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return jb_proxy_call_return(call, jb_arg_string(s.c_str()));
}

int same(jb_native_call *call, const jb_arg *a, size_t, void *) { return jb_native_call_return(call, a[0]); }

int twice(jb_native_call *call, const jb_arg *a, size_t, void *) {
    return jb_native_call_return(call, jb_arg_int32(a[0].u.i32 * 2));
}

struct LoaderCallbacks : WithVm {
    jb_loader *loader = nullptr;
    void SetUp() override {
        WithVm::SetUp();
        const char *paths[] = {kJars.c_str()};
        ASSERT_EQ(jb_loader_new(paths, 1, &loader), JB_OK) << jb_error_message();
    }
    void TearDown() override {
        jb_loader_free(loader);
        WithVm::TearDown();
    }
};

TEST_F(LoaderCallbacks, ProxyOfAnInterfaceOnlyTheLoaderHas) {
    const char *ifaces[] = {kShout};
    jb_proxy *px = nullptr;
    jb_object *obj = nullptr;
    EXPECT_EQ(jb_proxy_new(ifaces, 1, shout, nullptr, &px, &obj), JB_ECLASS) << "not on the class path";
    ASSERT_EQ(jb_proxy_new_in(loader, ifaces, 1, shout, nullptr, &px, &obj), JB_OK) << jb_error_message();
    jb_method *use = nullptr;
    ASSERT_EQ(jb_loader_find_static(loader, kShout, "use", "(Ldev/javabridge/loadtest/Shout;Ljava/lang/String;)Ljava/lang/String;", &use), JB_OK)
        << jb_error_message();
    jb_arg args[] = {jb_arg_object(obj), jb_arg_string("quiet")};
    char *out = nullptr;
    ASSERT_EQ(jb_call_static_string(use, args, 2, &out, nullptr), JB_OK) << jb_error_message();
    EXPECT_STREQ(out, "QUIET");
    jb_string_free(out);
    // java.lang.Runnable (bootstrap) mixes with the loader's own interface
    const char *both[] = {"java.lang.Runnable", kShout};
    jb_proxy *px2 = nullptr;
    jb_object *obj2 = nullptr;
    ASSERT_EQ(jb_proxy_new_in(loader, both, 2, shout, nullptr, &px2, &obj2), JB_OK) << jb_error_message();
    jb_method_free(use);
    jb_object_free(obj2);
    jb_proxy_free(px2);
    jb_object_free(obj);
    jb_proxy_free(px);
}

TEST_F(LoaderCallbacks, ProxyNewInRefusesBadInput) {
    const char *ifaces[] = {kShout};
    const char *bad_utf8[] = {"dev.\xff"};
    const char *not_iface[] = {"dev.javabridge.loadtest.Box"};
    jb_proxy *px = nullptr;
    jb_object *obj = nullptr;
    EXPECT_EQ(jb_proxy_new_in(nullptr, ifaces, 1, shout, nullptr, &px, &obj), JB_EINVAL);
    EXPECT_EQ(jb_proxy_new_in(loader, nullptr, 1, shout, nullptr, &px, &obj), JB_EINVAL);
    EXPECT_EQ(jb_proxy_new_in(loader, ifaces, 0, shout, nullptr, &px, &obj), JB_EINVAL);
    EXPECT_EQ(jb_proxy_new_in(loader, ifaces, 1, nullptr, nullptr, &px, &obj), JB_EINVAL);
    EXPECT_EQ(jb_proxy_new_in(loader, bad_utf8, 1, shout, nullptr, &px, &obj), JB_EENCODING);
    EXPECT_EQ(jb_proxy_new_in(loader, not_iface, 1, shout, nullptr, &px, &obj), JB_ECLASS);
    EXPECT_NE(std::string(jb_error_message()).find("not an interface"), std::string::npos) << jb_error_message();
    jb_loader *freed = nullptr;
    const char *paths[] = {kJars.c_str()};
    ASSERT_EQ(jb_loader_new(paths, 1, &freed), JB_OK);
    jb_loader_free(freed);
    EXPECT_EQ(jb_proxy_new_in(freed, ifaces, 1, shout, nullptr, &px, &obj), JB_EHANDLE);
}

TEST_F(LoaderCallbacks, HostNativeOfAClassOnlyTheLoaderHas) {
    jb_object *cls = nullptr;
    ASSERT_EQ(jb_loader_find_class(loader, "dev.javabridge.loadtest.Twice", &cls), JB_OK) << jb_error_message();
    jb_native_method m[] = {{"twice", "(I)I", twice, nullptr},
                            {"same", "(Ldev/javabridge/loadtest/Twice;)Ldev/javabridge/loadtest/Twice;", same, nullptr}};
    ASSERT_EQ(jb_register_natives(cls, m, 2), JB_OK) << jb_error_message();
    jb_method *call_same = nullptr;
    ASSERT_EQ(jb_loader_find_static(loader, "dev.javabridge.loadtest.Twice", "callSame", "()Z", &call_same), JB_OK);
    bool same_ok = false;
    ASSERT_EQ(jb_call_static_bool(call_same, nullptr, 0, &same_ok), JB_OK) << jb_error_message();
    EXPECT_TRUE(same_ok);
    jb_method_free(call_same);
    jb_method *call = nullptr;
    ASSERT_EQ(jb_loader_find_static(loader, "dev.javabridge.loadtest.Twice", "callTwice", "(I)I", &call), JB_OK);
    jb_arg a = jb_arg_int32(21);
    int32_t r = 0;
    ASSERT_EQ(jb_call_static_int32(call, &a, 1, &r), JB_OK) << jb_error_message();
    EXPECT_EQ(r, 43);
    EXPECT_EQ(jb_unregister_natives(cls), JB_OK);
    EXPECT_EQ(jb_call_static_int32(call, &a, 1, &r), JB_EJAVA);
    EXPECT_NE(std::string(jb_error_java_class() ? jb_error_java_class() : "").find("UnsatisfiedLinkError"), std::string::npos);
    jb_method_free(call);
    jb_object_free(cls);
}

}  // namespace
