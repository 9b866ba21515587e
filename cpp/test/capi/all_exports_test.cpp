// Every function libjavabridge exports, called with NULL and forged arguments before open,
// while open and after the JVM is destroyed: always the documented code, never a crash. The
// table must cover every exported jb_ symbol, so a new function without a row fails here.
#include "capi_fixture.h"

#include <javabridge/cexport.h>

#include <dlfcn.h>

#include <cstdio>
#include <functional>
#include <map>
#include <set>

using namespace jbtest;

namespace {

std::set<std::string> exported_jb_symbols() {
    Dl_info info{};
    EXPECT_NE(dladdr(reinterpret_cast<void *>(&jb_version), &info), 0);
    std::string cmd = std::string("nm -D --defined-only '") + info.dli_fname + "'";
    std::set<std::string> names;
    FILE *p = popen(cmd.c_str(), "r");
    EXPECT_NE(p, nullptr);
    char line[512];
    while (p != nullptr && std::fgets(line, sizeof line, p) != nullptr) {
        char addr[64], type[8], name[400];
        if (std::sscanf(line, "%63s %7s %399s", addr, type, name) == 3 && std::string(name).rfind("jb_", 0) == 0) {
            names.insert(name);
        }
    }
    if (p != nullptr) pclose(p);
    return names;
}

enum State { kBeforeOpen = 0, kOpen = 1, kDestroyed = 2 };

struct Row {
    std::vector<std::function<int()>> bad_calls;  // each must return its expected code
    std::array<int, 3> expected;                  // per State
};

// Handles that were never issued: an address on the stack, small integers, all ones.
int stack_word;
jb_method *forged_method = reinterpret_cast<jb_method *>(&stack_word);
jb_object *forged_object = reinterpret_cast<jb_object *>(uintptr_t(0x1234567));
jb_vm *forged_vm = reinterpret_cast<jb_vm *>(~uintptr_t(0));

std::map<std::string, Row> table() {
    int32_t i32;
    static int64_t i64;
    static double d;
    static bool b;
    static char *s;
    static size_t n;
    static uint8_t *bytes;
    static jb_object *o;
    static jb_method *m;
    (void)i32;
    static jb_arg arg = jb_arg_int32(1);
    const int NOT = JB_ENOT_OPEN, GONE = JB_EVM_DESTROYED, INV = JB_EINVAL, BAD = JB_EHANDLE;
    std::map<std::string, Row> t;
    auto same = [](int c) { return std::array<int, 3>{c, c, c}; };
    // Calls: NULL method or out -> EINVAL in every state; a forged method -> not open / EHANDLE.
#define CALL_ROWS(fn, ...)                                                                                  \
    t[#fn] = {{[] { return fn(nullptr, &arg, 1, __VA_ARGS__); }, [] { return fn(forged_method, nullptr, 1, __VA_ARGS__); }}, same(INV)}; \
    t[#fn "#forged"] = {{[] { return fn(forged_method, &arg, 1, __VA_ARGS__); }}, {NOT, BAD, GONE}};
#define INSTANCE_ROWS(fn, ...)                                                                                \
    t[#fn] = {{[] { return fn(nullptr, forged_object, &arg, 1, __VA_ARGS__); },                              \
               [] { return fn(forged_method, nullptr, &arg, 1, __VA_ARGS__); }}, same(INV)};                  \
    t[#fn "#forged"] = {{[] { return fn(forged_method, forged_object, &arg, 1, __VA_ARGS__); }}, {NOT, BAD, GONE}};
    t["jb_call_static_void"] = {{[] { return jb_call_static_void(nullptr, &arg, 1); },
                                 [] { return jb_call_static_void(forged_method, nullptr, 3); }}, same(INV)};
    t["jb_call_static_void#forged"] = {{[] { return jb_call_static_void(forged_method, &arg, 1); }}, {NOT, BAD, GONE}};
    CALL_ROWS(jb_call_static_bool, &b)
    CALL_ROWS(jb_call_static_int32, reinterpret_cast<int32_t *>(&n))
    CALL_ROWS(jb_call_static_int64, &i64)
    CALL_ROWS(jb_call_static_double, &d)
    CALL_ROWS(jb_call_static_string, &s, &n)
    CALL_ROWS(jb_call_static_bytes, &bytes, &n)
    CALL_ROWS(jb_call_static_object, &o)
    CALL_ROWS(jb_call_new, &o)
    t["jb_call_instance_void"] = {{[] { return jb_call_instance_void(nullptr, forged_object, &arg, 1); },
                                   [] { return jb_call_instance_void(forged_method, nullptr, &arg, 1); }}, same(INV)};
    t["jb_call_instance_void#forged"] = {{[] { return jb_call_instance_void(forged_method, forged_object, &arg, 1); }}, {NOT, BAD, GONE}};
    INSTANCE_ROWS(jb_call_instance_bool, &b)
    INSTANCE_ROWS(jb_call_instance_int32, reinterpret_cast<int32_t *>(&n))
    INSTANCE_ROWS(jb_call_instance_int64, &i64)
    INSTANCE_ROWS(jb_call_instance_double, &d)
    INSTANCE_ROWS(jb_call_instance_string, &s, &n)
    INSTANCE_ROWS(jb_call_instance_bytes, &bytes, &n)
    INSTANCE_ROWS(jb_call_instance_object, &o)
    // Narrow primitives, arrays and String[] (call.h, array.h).
    static int8_t i8;
    static int16_t i16;
    static uint16_t u16;
    static float f32;
    static void *vp;
    static char **strs;
    CALL_ROWS(jb_call_static_int8, &i8)
    CALL_ROWS(jb_call_static_int16, &i16)
    CALL_ROWS(jb_call_static_uint16, &u16)
    CALL_ROWS(jb_call_static_float, &f32)
    CALL_ROWS(jb_call_static_array, JB_ELEM_INT32, &vp, &n)
    CALL_ROWS(jb_call_static_strings, &strs, &n)
    INSTANCE_ROWS(jb_call_instance_int8, &i8)
    INSTANCE_ROWS(jb_call_instance_int16, &i16)
    INSTANCE_ROWS(jb_call_instance_uint16, &u16)
    INSTANCE_ROWS(jb_call_instance_float, &f32)
    INSTANCE_ROWS(jb_call_instance_array, JB_ELEM_INT32, &vp, &n)
    INSTANCE_ROWS(jb_call_instance_strings, &strs, &n)
    t["jb_call_*_array#elem"] = {{[] { return jb_call_static_array(forged_method, &arg, 1, static_cast<jb_elem>(0), &vp, &n); },
                                  [] { return jb_call_instance_array(forged_method, forged_object, &arg, 1, static_cast<jb_elem>(9), &vp, &n); },
                                  [] { return jb_call_static_array(forged_method, &arg, 1, JB_ELEM_INT32, nullptr, &n); },
                                  [] { return jb_call_static_strings(forged_method, &arg, 1, &strs, nullptr); }}, same(INV)};
    t["jb_elem_size"] = {{[] { return jb_elem_size(static_cast<jb_elem>(0)) == 0 && jb_elem_size(JB_ELEM_INT64) == 8 ? 0 : 1; }}, same(0)};
    t["jb_array_free"] = {{[] { jb_array_free(nullptr); return 0; }}, same(0)};
    t["jb_strings_free"] = {{[] { jb_strings_free(nullptr, 5); return 0; }}, same(0)};
    // Fields (field.h).
    static jb_field *fld;
    static jb_field *forged_field = reinterpret_cast<jb_field *>(uintptr_t(0x7654321));
    t["jb_field_find_static"] = {{[] { return jb_field_find_static(nullptr, "sI", "I", &fld); },
                                  [] { return jb_field_find_static(kTarget, nullptr, "I", &fld); },
                                  [] { return jb_field_find_static(kTarget, "sI", nullptr, &fld); },
                                  [] { return jb_field_find_static(kTarget, "sI", "I", nullptr); },
                                  [] { return jb_field_find_static(kTarget, "", "I", &fld); }}, same(INV)};
    t["jb_field_find_static#descriptor"] = {{[] { return jb_field_find_static(kTarget, "x", "V", &fld); },
                                             [] { return jb_field_find_static(kTarget, "x", "II", &fld); }}, same(JB_ESIGNATURE)};
    t["jb_field_find_static#state"] = {{[] { return jb_field_find_static("dev.javabridge.capi.CapiData", "sI", "I", &fld); }}, {NOT, JB_OK, GONE}};
    t["jb_field_find_instance"] = {{[] { return jb_field_find_instance(nullptr, "i", "I", &fld); },
                                    [] { return jb_field_find_instance(kTarget, "i", "I", nullptr); }}, same(INV)};
    t["jb_field_free"] = {{[] { return jb_field_free(forged_field); },
                           [] { return jb_field_free(reinterpret_cast<jb_field *>(forged_object)); }}, same(BAD)};
    t["jb_field_free#null"] = {{[] { return jb_field_free(nullptr); }}, same(JB_OK)};
#define FIELD_ROWS(fn, ...)                                                                          \
    t[#fn] = {{[] { return fn(nullptr, nullptr, __VA_ARGS__); }}, same(INV)};                        \
    t[#fn "#forged"] = {{[] { return fn(forged_field, nullptr, __VA_ARGS__); },                       \
                         [] { return fn(forged_field, forged_object, __VA_ARGS__); }}, {NOT, BAD, GONE}};
    FIELD_ROWS(jb_field_get_bool, &b)
    FIELD_ROWS(jb_field_get_int8, &i8)
    FIELD_ROWS(jb_field_get_int16, &i16)
    FIELD_ROWS(jb_field_get_uint16, &u16)
    FIELD_ROWS(jb_field_get_int32, reinterpret_cast<int32_t *>(&n))
    FIELD_ROWS(jb_field_get_int64, &i64)
    FIELD_ROWS(jb_field_get_float, &f32)
    FIELD_ROWS(jb_field_get_double, &d)
    FIELD_ROWS(jb_field_get_string, &s, &n)
    FIELD_ROWS(jb_field_get_object, &o)
    FIELD_ROWS(jb_field_get_array, JB_ELEM_INT32, &vp, &n)
    FIELD_ROWS(jb_field_get_strings, &strs, &n)
    FIELD_ROWS(jb_field_set, jb_arg_int32(1))
#undef FIELD_ROWS
    t["jb_field_get_*#null-out"] = {{[] { return jb_field_get_int32(forged_field, nullptr, nullptr); },
                                     [] { return jb_field_get_string(forged_field, nullptr, nullptr, &n); },
                                     [] { return jb_field_get_array(forged_field, nullptr, JB_ELEM_INT8, nullptr, &n); },
                                     [] { return jb_field_get_array(forged_field, nullptr, JB_ELEM_INT8, &vp, nullptr); },
                                     [] { return jb_field_get_strings(forged_field, nullptr, nullptr, &n); },
                                     [] { return jb_field_get_object(forged_field, nullptr, nullptr); }}, same(INV)};
    // Class loaders (loader.h): a forged loader is refused before the JVM is asked.
    static jb_loader *ld;
    static jb_field *lf;
    static jb_loader *forged_loader = reinterpret_cast<jb_loader *>(uintptr_t(0x3333333));
    static const char *tmp_path[] = {"/tmp"};
    static const char *null_path[] = {nullptr};
    static const char *missing_path[] = {"/no/such/folder/anywhere/*"};
    t["jb_loader_new"] = {{[] { return jb_loader_new(nullptr, 1, &ld); },
                           [] { return jb_loader_new(tmp_path, 1, nullptr); },
                           [] { return jb_loader_new(null_path, 1, &ld); },
                           [] { return jb_loader_new(missing_path, 1, &ld); }}, same(INV)};
    t["jb_loader_new#state"] = {{[] { return jb_loader_new(tmp_path, 1, &ld); }}, {NOT, JB_OK, GONE}};
    t["jb_loader_free"] = {{[] { return jb_loader_free(forged_loader); },
                            [] { return jb_loader_free(reinterpret_cast<jb_loader *>(forged_method)); }}, same(BAD)};
    t["jb_loader_free#null"] = {{[] { return jb_loader_free(nullptr); }}, same(JB_OK)};
    t["jb_loader_object"] = {{[] { return jb_loader_object(nullptr, &o); },
                              [] { return jb_loader_object(forged_loader, nullptr); }}, same(INV)};
    t["jb_loader_object#forged"] = {{[] { return jb_loader_object(forged_loader, &o); }}, same(BAD)};
    t["jb_loader_find_class"] = {{[] { return jb_loader_find_class(nullptr, "x.Y", &o); },
                                  [] { return jb_loader_find_class(forged_loader, nullptr, &o); },
                                  [] { return jb_loader_find_class(forged_loader, "x.Y", nullptr); }}, same(INV)};
    t["jb_loader_find_class#forged"] = {{[] { return jb_loader_find_class(forged_loader, "x.Y", &o); }}, same(BAD)};
    t["jb_loader_find_static"] = {{[] { return jb_loader_find_static(nullptr, kTarget, "add", "(II)I", &m); }}, same(INV)};
    t["jb_loader_find_static#forged"] = {{[] { return jb_loader_find_static(forged_loader, kTarget, "add", "(II)I", &m); }}, same(BAD)};
    t["jb_loader_find_instance"] = {{[] { return jb_loader_find_instance(nullptr, kCounter, "f", "()V", &m); }}, same(INV)};
    t["jb_loader_find_instance#forged"] = {{[] { return jb_loader_find_instance(forged_loader, kCounter, "f", "()V", &m); }}, same(BAD)};
    t["jb_loader_find_constructor"] = {{[] { return jb_loader_find_constructor(nullptr, kCounter, "()V", &m); }}, same(INV)};
    t["jb_loader_find_constructor#forged"] = {{[] { return jb_loader_find_constructor(forged_loader, kCounter, "()V", &m); }}, same(BAD)};
    t["jb_loader_find_field_static"] = {{[] { return jb_loader_find_field_static(nullptr, kTarget, "sI", "I", &lf); }}, same(INV)};
    t["jb_loader_find_field_static#forged"] = {{[] { return jb_loader_find_field_static(forged_loader, kTarget, "sI", "I", &lf); }}, same(BAD)};
    t["jb_loader_find_field_instance"] = {{[] { return jb_loader_find_field_instance(nullptr, kTarget, "i", "I", &lf); }}, same(INV)};
    t["jb_loader_find_field_instance#forged"] = {{[] { return jb_loader_find_field_instance(forged_loader, kTarget, "i", "I", &lf); }}, same(BAD)};
    // Direct buffers (buffer.h) and arrays by index (array.h).
    t["jb_buffer_wrap"] = {{[] { return jb_buffer_wrap(nullptr, 1, &o); },
                            [] { return jb_buffer_wrap(&stack_word, 1, nullptr); }}, same(INV)};
    t["jb_buffer_wrap#range"] = {{[] { return jb_buffer_wrap(&stack_word, size_t(INT32_MAX) + 1, &o); }}, same(JB_ERANGE)};
    t["jb_buffer_wrap#state"] = {{[] { return jb_buffer_wrap(&stack_word, sizeof stack_word, &o); }}, {NOT, JB_OK, GONE}};
    t["jb_buffer_address"] = {{[] { return jb_buffer_address(nullptr, nullptr, &n); }}, same(INV)};
    t["jb_buffer_address#forged"] = {{[] { return jb_buffer_address(forged_object, nullptr, &n); }}, {NOT, BAD, GONE}};
    t["jb_array_length"] = {{[] { return jb_array_length(nullptr, &n); },
                             [] { return jb_array_length(forged_object, nullptr); }}, same(INV)};
    t["jb_array_length#forged"] = {{[] { return jb_array_length(forged_object, &n); }}, {NOT, BAD, GONE}};
    t["jb_object_array_get"] = {{[] { return jb_object_array_get(nullptr, 0, &o); },
                                 [] { return jb_object_array_get(forged_object, 0, nullptr); }}, same(INV)};
    t["jb_object_array_get#forged"] = {{[] { return jb_object_array_get(forged_object, 0, &o); }}, {NOT, BAD, GONE}};
    t["jb_object_array_set"] = {{[] { return jb_object_array_set(nullptr, 0, nullptr); }}, same(INV)};
    t["jb_object_array_set#forged"] = {{[] { return jb_object_array_set(forged_object, 0, nullptr); }}, {NOT, BAD, GONE}};
    // Running a program (run.h).
    t["jb_run_main"] = {{[] { return jb_run_main(nullptr, 0, nullptr); },
                         [] { return jb_run_main("x.Y", -1, nullptr); },
                         [] { return jb_run_main("x.Y", 2, nullptr); }}, same(INV)};
    t["jb_run_main#state"] = {{[] { return jb_run_main("no.such.Main", 0, nullptr); }}, {NOT, JB_ECLASS, GONE}};
    // Interfaces implemented in C (proxy.h).
    static jb_proxy *px;
    static const char *runnable[] = {"java.lang.Runnable"};
    static jb_proxy_fn handler = [](jb_proxy_call *, void *) { return JB_PROXY_UNHANDLED; };
    t["jb_proxy_new"] = {{[] { return jb_proxy_new(nullptr, 1, handler, nullptr, &px, &o); },
                          [] { return jb_proxy_new(runnable, 0, handler, nullptr, &px, &o); },
                          [] { return jb_proxy_new(runnable, 1, nullptr, nullptr, &px, &o); },
                          [] { return jb_proxy_new(runnable, 1, handler, nullptr, nullptr, &o); },
                          [] { return jb_proxy_new(runnable, 1, handler, nullptr, &px, nullptr); }}, same(INV)};
    t["jb_proxy_new#state"] = {{[] { return jb_proxy_new(runnable, 1, handler, nullptr, &px, &o); }}, {NOT, JB_OK, GONE}};
    t["jb_proxy_new_in"] = {{[] { return jb_proxy_new_in(nullptr, runnable, 1, handler, nullptr, &px, &o); }}, same(INV)};
    t["jb_proxy_new_in#forged"] = {{[] { return jb_proxy_new_in(forged_loader, runnable, 1, handler, nullptr, &px, &o); }}, same(BAD)};
    t["jb_proxy_free"] = {{[] { return jb_proxy_free(reinterpret_cast<jb_proxy *>(uintptr_t(0x99999999999))); }}, same(BAD)};
    t["jb_proxy_free#null"] = {{[] { return jb_proxy_free(nullptr); }}, same(JB_OK)};
    t["jb_proxy_call_method"] = {{[] { return jb_proxy_call_method(nullptr)[0] == '\0' ? 0 : 1; }}, same(0)};
    t["jb_proxy_call_arg_count"] = {{[] { return jb_proxy_call_arg_count(nullptr) == 0 ? 0 : 1; }}, same(0)};
    t["jb_proxy_call_arg"] = {{[] { static jb_arg a; return jb_proxy_call_arg(nullptr, 0, &a); }}, same(INV)};
    t["jb_proxy_call_return"] = {{[] { return jb_proxy_call_return(nullptr, jb_arg_null()); }}, same(INV)};
    t["jb_proxy_call_set_result"] = {{[] { static jb_arg a = jb_arg_null(); return jb_proxy_call_set_result(nullptr, &a); }}, same(INV)};
    t["jb_proxy_call_throw"] = {{[] { return jb_proxy_call_throw(nullptr, "java.lang.Error", "m"); }}, same(INV)};
    // Host natives (natives.h).
    static jb_native_fn nfn = [](jb_native_call *, const jb_arg *, size_t, void *) -> int { return JB_OK; };
    static jb_native_method nm[] = {{"f", "()V", nfn, nullptr}};
    t["jb_register_natives"] = {{[] { return jb_register_natives(nullptr, nm, 1); },
                                 [] { return jb_register_natives(forged_object, nullptr, 1); },
                                 [] { return jb_register_natives(forged_object, nm, 0); }}, same(INV)};
    t["jb_register_natives#forged"] = {{[] { return jb_register_natives(forged_object, nm, 1); }}, {NOT, BAD, GONE}};
    t["jb_unregister_natives"] = {{[] { return jb_unregister_natives(nullptr); }}, same(INV)};
    t["jb_unregister_natives#forged"] = {{[] { return jb_unregister_natives(forged_object); }}, {NOT, BAD, GONE}};
    t["jb_native_call_return"] = {{[] { return jb_native_call_return(nullptr, jb_arg_null()); }}, same(INV)};
    t["jb_native_call_set_result"] = {{[] { static jb_arg a = jb_arg_null(); return jb_native_call_set_result(nullptr, &a); }}, same(INV)};
    t["jb_native_call_throw"] = {{[] { return jb_native_call_throw(nullptr, "java.lang.Error", "m"); }}, same(INV)};
    // NULL out-pointers, each alone.
    t["jb_call_static_*#null-out"] = {{[] { return jb_call_static_bool(forged_method, &arg, 1, nullptr); },
                                       [] { return jb_call_static_int64(forged_method, &arg, 1, nullptr); },
                                       [] { return jb_call_static_double(forged_method, &arg, 1, nullptr); },
                                       [] { return jb_call_static_string(forged_method, &arg, 1, nullptr, &n); },
                                       [] { return jb_call_static_bytes(forged_method, &arg, 1, nullptr, &n); },
                                       [] { return jb_call_static_bytes(forged_method, &arg, 1, &bytes, nullptr); },
                                       [] { return jb_call_static_object(forged_method, &arg, 1, nullptr); },
                                       [] { return jb_call_new(forged_method, &arg, 1, nullptr); },
                                       [] { return jb_call_instance_bytes(forged_method, forged_object, &arg, 1, &bytes, nullptr); },
                                       [] { return jb_call_instance_string(forged_method, forged_object, &arg, 1, nullptr, &n); }},
                                      same(INV)};

    t["jb_method_find_static"] = {{[] { return jb_method_find_static(nullptr, "f", "()V", &m); },
                                   [] { return jb_method_find_static(kTarget, nullptr, "()V", &m); },
                                   [] { return jb_method_find_static(kTarget, "f", nullptr, &m); },
                                   [] { return jb_method_find_static(kTarget, "f", "()V", nullptr); }}, same(INV)};
    t["jb_method_find_static#signature"] = {{[] { return jb_method_find_static(kTarget, "f", "(", &m); }}, same(JB_ESIGNATURE)};
    t["jb_method_find_static#state"] = {{[] { return jb_method_find_static(kTarget, "add", "(II)I", &m); }}, {NOT, JB_OK, GONE}};
    t["jb_method_find_instance"] = {{[] { return jb_method_find_instance(nullptr, "f", "()V", &m); },
                                     [] { return jb_method_find_instance(kCounter, "f", "()V", nullptr); }}, same(INV)};
    t["jb_method_find_constructor"] = {{[] { return jb_method_find_constructor(nullptr, "()V", &m); },
                                        [] { return jb_method_find_constructor(kCounter, nullptr, &m); },
                                        [] { return jb_method_find_constructor(kCounter, "()V", nullptr); }}, same(INV)};
    t["jb_method_free"] = {{[] { return jb_method_free(forged_method); },
                            [] { return jb_method_free(reinterpret_cast<jb_method *>(forged_object)); }}, same(BAD)};
    t["jb_method_free#null"] = {{[] { return jb_method_free(nullptr); }}, same(JB_OK)};
    // upcall.h: the handle is checked before the JVM's state, as jb_method_free does.
    static jb_upcall_fn fn;
    t["jb_method_upcall"] = {{[] { return jb_method_upcall(forged_method, nullptr); }}, same(INV)};
    t["jb_method_upcall#forged"] = {{[] { return jb_method_upcall(forged_method, &fn); },
                                     [] { return jb_method_upcall(nullptr, &fn); }}, same(BAD)};
    t["jb_upcall_check"] = {{[] { return jb_upcall_check(); }}, same(JB_OK)};
    t["jb_object_free"] = {{[] { return jb_object_free(forged_object); },
                            [] { return jb_object_free(reinterpret_cast<jb_object *>(forged_method)); }}, same(BAD)};
    t["jb_object_free#null"] = {{[] { return jb_object_free(nullptr); }}, same(JB_OK)};
    t["jb_object_class_name"] = {{[] { return jb_object_class_name(nullptr, &s); },
                                  [] { return jb_object_class_name(forged_object, nullptr); }}, same(INV)};
    t["jb_object_class_name#forged"] = {{[] { return jb_object_class_name(forged_object, &s); }}, {NOT, BAD, GONE}};
    t["jb_string_free"] = {{[] { jb_string_free(nullptr); return 0; }}, same(0)};
    t["jb_bytes_free"] = {{[] { jb_bytes_free(nullptr); return 0; }}, same(0)};
    t["jb_vm_open"] = {{[] { return jb_vm_open(nullptr, nullptr); }}, same(INV)};
    t["jb_vm_close"] = {{[] { return jb_vm_close(forged_vm); },
                         [] { return jb_vm_close(reinterpret_cast<jb_vm *>(forged_method)); }}, same(BAD)};
    t["jb_vm_close#null"] = {{[] { return jb_vm_close(nullptr); }}, same(JB_OK)};
    t["jb_vm_detach_current_thread"] = {{[] { return jb_vm_detach_current_thread(); }}, same(JB_OK)};
    t["jb_vm_is_attached"] = {{[] { return jb_vm_is_attached(nullptr); }}, same(INV)};
    t["jb_error_code"] = {{[] { jb_error_clear(); return jb_error_code(); }}, same(JB_OK)};
    t["jb_error_clear"] = {{[] { jb_error_clear(); return jb_error_message()[0] == '\0' ? 0 : 1; }}, same(0)};
    t["jb_error_message"] = {{[] { return jb_error_message() != nullptr ? 0 : 1; }}, same(0)};
    t["jb_error_java_class"] = {{[] { jb_error_clear(); return jb_error_java_class() == nullptr ? 0 : 1; }}, same(0)};
    t["jb_error_java_message"] = {{[] { jb_error_clear(); return jb_error_java_message() == nullptr ? 0 : 1; }}, same(0)};
    t["jb_error_java_message_length"] = {{[] { jb_error_clear(); return static_cast<int>(jb_error_java_message_length()); }}, same(0)};
    t["jb_error_java_stack_trace"] = {{[] { jb_error_clear(); return jb_error_java_stack_trace() == nullptr ? 0 : 1; }}, same(0)};
    t["jb_error_name"] = {{[] { return jb_error_name(INT32_MIN) != nullptr && jb_error_name(INT32_MAX) != nullptr ? 0 : 1; }}, same(0)};
    t["jb_log_set_callback"] = {{[] { return jb_log_set_callback(nullptr, static_cast<jb_log_level>(-1), nullptr); }}, same(INV)};
    t["jb_version"] = {{[] { return jb_version() != nullptr ? 0 : 1; }}, same(0)};
    t["jb_version_number"] = {{[] { return jb_version_number() == JB_VERSION_NUMBER ? 0 : 1; }}, same(0)};
    // Runtime support for @CExport-generated code (javabridge/cexport.h). A fresh site per call,
    // so that no handle cached in one state is seen in the next.
#define JB_TEST_SITE JB_CEXPORT_SITE(JB_CEXPORT_STATIC, kTarget, "add", "(II)I")
    t["jb_cexport_method"] = {{[] { return jb_cexport_method(nullptr, &m); },
                               [] { jb_cexport_site site = JB_TEST_SITE; return jb_cexport_method(&site, nullptr); }}, same(INV)};
    t["jb_cexport_method#state"] = {{[] { jb_cexport_site site = JB_TEST_SITE; return jb_cexport_method(&site, &m); }}, {NOT, JB_OK, GONE}};
    t["jb_cexport_refresh"] = {{[] { return jb_cexport_refresh(nullptr, &m); },
                                [] { jb_cexport_site site = JB_TEST_SITE; return jb_cexport_refresh(&site, nullptr); }}, same(INV)};
    t["jb_cexport_refresh#forged"] = {{[] { jb_cexport_site site = JB_TEST_SITE; jb_method *f = forged_method; return jb_cexport_refresh(&site, &f); }}, {NOT, JB_OK, GONE}};
    t["jb_cexport_upcall_begin"] = {{[] { static jb_upcall_fn fn; static int how; return jb_cexport_upcall_begin(nullptr, &fn, &how); },
                                     [] { static int how; static jb_cexport_upcall_site site = JB_CEXPORT_UPCALL_SITE(kTarget, "add", "(II)I");
                                          return jb_cexport_upcall_begin(&site, nullptr, &how); },
                                     [] { static jb_upcall_fn fn; static jb_cexport_upcall_site site = JB_CEXPORT_UPCALL_SITE(kTarget, "add", "(II)I");
                                          return jb_cexport_upcall_begin(&site, &fn, nullptr); }}, same(INV)};
    t["jb_cexport_upcall_begin#state"] = {{[] {
        jb_cexport_upcall_site site = JB_CEXPORT_UPCALL_SITE(kTarget, "add", "(II)I");
        jb_upcall_fn fn = nullptr;
        int how = 0;
        int rc = jb_cexport_upcall_begin(&site, &fn, &how);
        if (rc == JB_OK && fn != nullptr && jb_cexport_upcall_end(how) != JB_OK) return 1;  // a begun call is ended
        return rc;
    }}, {NOT, JB_OK, GONE}};
    t["jb_cexport_upcall_end"] = {{[] { return jb_cexport_upcall_end(0); }, [] { return jb_cexport_upcall_end(-1); }}, same(INV)};
    static jb_cexport_value two[2] = {{}, {}};
    static jb_cexport_value res;
#define JB_TEST_UPCALL_SITE JB_CEXPORT_UPCALL_SITE(kTarget, "add", "(II)I")
    t["jb_cexport_call_static"] = {{[] { return jb_cexport_call_static(nullptr, two, 2, &res, nullptr, nullptr); },
                                    [] { jb_cexport_upcall_site site = JB_TEST_UPCALL_SITE; return jb_cexport_call_static(&site, two, 2, nullptr, nullptr, nullptr); },
                                    [] { jb_cexport_upcall_site site = JB_TEST_UPCALL_SITE; return jb_cexport_call_static(&site, nullptr, 2, &res, nullptr, nullptr); },
                                    [] { static jb_upcall_fn fn; jb_cexport_upcall_site site = JB_TEST_UPCALL_SITE; return jb_cexport_call_static(&site, two, 2, &res, &fn, nullptr); },
                                    [] { static int how; jb_cexport_upcall_site site = JB_TEST_UPCALL_SITE; return jb_cexport_call_static(&site, two, 2, &res, nullptr, &how); },
                                    [] { jb_cexport_upcall_site site = JB_TEST_UPCALL_SITE; return jb_cexport_call_static(&site, two, 1, &res, nullptr, nullptr); },
                                    [] { jb_cexport_upcall_site site = JB_TEST_UPCALL_SITE; return jb_cexport_call_static(&site, two, 9, &res, nullptr, nullptr); },
                                    [] { jb_cexport_upcall_site site = JB_CEXPORT_UPCALL_SITE(kTarget, "echo", "(Ljava/lang/String;)Ljava/lang/String;");
                                         return jb_cexport_call_static(&site, two, 1, &res, nullptr, nullptr); }}, same(INV)};
    t["jb_cexport_call_static#state"] = {{[] { jb_cexport_upcall_site site = JB_TEST_UPCALL_SITE; return jb_cexport_call_static(&site, two, 2, &res, nullptr, nullptr); },
                                          [] { jb_cexport_upcall_site site = JB_TEST_UPCALL_SITE;
                                               jb_upcall_fn fn = nullptr;
                                               int how = 0;
                                               int rc = jb_cexport_call_static(&site, two, 2, &res, &fn, &how);
                                               if (rc == JB_CEXPORT_TAKE_FFM) return jb_cexport_upcall_end(how);  // a begun call is ended
                                               return rc; }}, {NOT, JB_OK, GONE}};
#undef JB_TEST_UPCALL_SITE
    t["jb_cexport_fail"] = {{[] { return jb_cexport_fail(INV, nullptr); }, [] { return jb_cexport_fail(INV, "x"); }}, same(INV)};
#undef JB_TEST_SITE
    return t;
}

void run_table(State state) {
    for (auto &[name, row] : table()) {
        for (size_t k = 0; k < row.bad_calls.size(); k++) {
            int rc = row.bad_calls[k]();
            EXPECT_EQ(rc, row.expected[state]) << name << " call " << k << " in state " << state << ": "
                                               << jb_error_name(rc) << ": " << jb_error_message();
        }
    }
}

}  // namespace

TEST(AllExports, TheTableCoversEveryExportedFunction) {
    std::set<std::string> exported = exported_jb_symbols();
    ASSERT_GT(exported.size(), 30u);
    std::set<std::string> covered;
    for (auto &[name, row] : table()) covered.insert(name.substr(0, name.find('#')));
    for (const auto &e : exported) EXPECT_TRUE(covered.count(e)) << e << " is exported but has no row";
    for (const auto &c : covered) {
        if (c.find('*') == std::string::npos) {
            EXPECT_TRUE(exported.count(c)) << c << " has a row but is not exported";
        }
    }
}

TEST(AllExports, BadArgumentsInEveryStateGiveTheDocumentedCode) {
    run_table(kBeforeOpen);
    jb_vm *vm = open_vm();
    ASSERT_NE(vm, nullptr);
    run_table(kOpen);
    // Free what the open-state rows may have created, then destroy the JVM.
    ASSERT_EQ(jb_vm_close(vm), JB_OK);
    run_table(kDestroyed);
}
