/*
 * Class loaders made from C (loader.h): a java.net.URLClassLoader over the paths, held like a
 * jb_object behind its own handle kind, and the class lookup that method.c and field.c share.
 * No strong reference to anything the loader defined is kept here: only jb_loader, and the
 * handles found through it, hold it, so it becomes collectable once they are freed.
 */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "javabridge/errors.h"
#include "javabridge/jnikit/module.h" /* jbk_global_class */
#include "javabridge/loader.h"
#include "classpath.h"
#include "handles.h"
#include "java_exception.h"
#include "jbi_fs.h"
#include "jstring.h"
#include "last_error.h"
#include "loader_internal.h"
#include "object_internal.h"
#include "proxy_internal.h"
#include "vm_state.h"

static struct {
    jclass class_class;
    jmethodID class_for_name;   /* Class.forName(String, boolean, ClassLoader) */
    jclass file_class;
    jmethodID file_init;        /* File(String) */
    jmethodID file_to_uri;      /* File.toURI() */
    jmethodID uri_to_url;       /* URI.toURL() */
    jclass url_class;
    jclass url_loader_class;
    jmethodID url_loader_init;  /* URLClassLoader(URL[], ClassLoader) */
    jmethodID system_loader;    /* ClassLoader.getSystemClassLoader() */
    jclass loader_class;
    jmethodID string_replace;   /* String.replace(char, char) */
} ids;

int jbi_loader_ids_load(JNIEnv *env) {
    memset(&ids, 0, sizeof ids);
    jclass uri = NULL, string = NULL;
    if ((ids.class_class = jbk_global_class(env, "java/lang/Class")) == NULL ||
        (ids.class_for_name = (*env)->GetStaticMethodID(env, ids.class_class, "forName",
                                                        "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;")) == NULL ||
        (ids.file_class = jbk_global_class(env, "java/io/File")) == NULL ||
        (ids.file_init = (*env)->GetMethodID(env, ids.file_class, "<init>", "(Ljava/lang/String;)V")) == NULL ||
        (ids.file_to_uri = (*env)->GetMethodID(env, ids.file_class, "toURI", "()Ljava/net/URI;")) == NULL ||
        (uri = (*env)->FindClass(env, "java/net/URI")) == NULL ||
        (ids.uri_to_url = (*env)->GetMethodID(env, uri, "toURL", "()Ljava/net/URL;")) == NULL ||
        (ids.url_class = jbk_global_class(env, "java/net/URL")) == NULL ||
        (ids.url_loader_class = jbk_global_class(env, "java/net/URLClassLoader")) == NULL ||
        (ids.url_loader_init = (*env)->GetMethodID(env, ids.url_loader_class, "<init>",
                                                   "([Ljava/net/URL;Ljava/lang/ClassLoader;)V")) == NULL ||
        (ids.loader_class = jbk_global_class(env, "java/lang/ClassLoader")) == NULL ||
        (ids.system_loader = (*env)->GetStaticMethodID(env, ids.loader_class, "getSystemClassLoader",
                                                       "()Ljava/lang/ClassLoader;")) == NULL ||
        (string = (*env)->FindClass(env, "java/lang/String")) == NULL ||
        (ids.string_replace = (*env)->GetMethodID(env, string, "replace", "(CC)Ljava/lang/String;")) == NULL) {
        if (uri != NULL) (*env)->DeleteLocalRef(env, uri);
        if (string != NULL) (*env)->DeleteLocalRef(env, string);
        jbi_loader_ids_release(env);
        return JB_EINTERNAL;
    }
    (*env)->DeleteLocalRef(env, uri);
    (*env)->DeleteLocalRef(env, string);
    return JB_OK;
}

void jbi_loader_ids_release(JNIEnv *env) {
    jclass *globals[] = {&ids.class_class, &ids.file_class, &ids.url_class, &ids.url_loader_class, &ids.loader_class};
    for (size_t i = 0; i < sizeof globals / sizeof *globals; i++) {
        if (env != NULL && *globals[i] != NULL) {
            (*env)->DeleteGlobalRef(env, *globals[i]);
        }
    }
    memset(&ids, 0, sizeof ids);
}

jclass jbi_find_class(JNIEnv *env, jobject loader, const char *jni_name) {
    if (loader == NULL) {
        return (*env)->FindClass(env, jni_name);
    }
    /* Class.forName takes binary names: "java.lang.String", "[Ljava.lang.String;". */
    jstring slashed = (*env)->NewStringUTF(env, jni_name);
    if (slashed == NULL) {
        return NULL;
    }
    jstring name = (*env)->CallObjectMethod(env, slashed, ids.string_replace, (jchar)'/', (jchar)'.');
    if ((*env)->ExceptionCheck(env)) {
        return NULL;
    }
    (*env)->DeleteLocalRef(env, slashed);
    jclass cls = (*env)->CallStaticObjectMethod(env, ids.class_class, ids.class_for_name, name, JNI_TRUE, loader);
    (*env)->DeleteLocalRef(env, name);
    return (*env)->ExceptionCheck(env) ? NULL : cls;
}

static void destroy_loader(jbi_handle_kind kind, void *ptr) {
    (void)kind;
    jbi_object_destroy(ptr);
}

static void register_destroy(void) {
    static atomic_int done;
    if (!atomic_load_explicit(&done, memory_order_acquire)) {
        jbi_handles_set_kind_destroy(JBI_HANDLE_LOADER, destroy_loader);
        atomic_store_explicit(&done, 1, memory_order_release);
    }
}

/* The URL[] for the joined class path, in the caller's local frame. */
static jobjectArray urls_of(JNIEnv *env, const char *joined, int *rc) {
    size_t n = 0;
    for (const char *p = joined; *p != '\0'; n++) {
        const char *end = strchr(p, JBI_PATH_LIST_SEP);
        p = end != NULL ? end + 1 : p + strlen(p);
    }
    jobjectArray urls = (*env)->NewObjectArray(env, (jsize)n, ids.url_class, NULL);
    if (urls == NULL) {
        *rc = jbi_java_check(env, JB_ENOMEM, "jb_loader_new: creating the URL[]");
        return NULL;
    }
    const char *p = joined;
    for (jsize i = 0; i < (jsize)n; i++) {
        const char *end = strchr(p, JBI_PATH_LIST_SEP);
        size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
        jstring path = jbi_string_from_utf8(env, p, len, (size_t)i, rc);
        if (path == NULL) {
            if (*rc == JB_EENCODING) {
                jbi_fail(JB_EENCODING, "jb_loader_new: path \"%.*s\" is not valid UTF-8", (int)len, p);
            }
            return NULL;
        }
        jobject file = (*env)->NewObject(env, ids.file_class, ids.file_init, path);
        jobject uri = !(*env)->ExceptionCheck(env) ? (*env)->CallObjectMethod(env, file, ids.file_to_uri) : NULL;
        jobject url = !(*env)->ExceptionCheck(env) ? (*env)->CallObjectMethod(env, uri, ids.uri_to_url) : NULL;
        char what[300];
        snprintf(what, sizeof what, "jb_loader_new: making a URL of \"%.*s\"", (int)(len < 200 ? len : 200), p);
        if ((*rc = jbi_java_check(env, JB_EJAVA, what)) != JB_OK) {
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, urls, i, url);
        (*env)->DeleteLocalRef(env, path);
        (*env)->DeleteLocalRef(env, file);
        (*env)->DeleteLocalRef(env, uri);
        (*env)->DeleteLocalRef(env, url);
        p += len + 1;
    }
    return urls;
}

JB_API int jb_loader_new(const char *const *paths, size_t count, jb_loader **out) {
    if (out == NULL || (paths == NULL && count > 0)) {
        return jbi_fail(JB_EINVAL, "jb_loader_new: out must not be NULL, nor paths when count > 0");
    }
    char *joined = NULL;
    size_t bad = 0;
    int cp = jbi_classpath_build(paths, count, &joined, &bad);
    if (cp == JBI_CP_NOMEM) {
        return jbi_fail(JB_ENOMEM, "jb_loader_new: no memory for the paths");
    }
    if (cp == JBI_CP_INVALID) {
        return jbi_fail(JB_EINVAL, "jb_loader_new: path %zu is NULL, empty or holds the path-list separator '%c'", bad,
                        JBI_PATH_LIST_SEP);
    }
    if (cp == JBI_CP_NODIR) {
        return jbi_fail(JB_EINVAL, "jb_loader_new: path %zu (\"%s\"): its folder cannot be listed", bad, paths[bad]);
    }
    JNIEnv *env = NULL;
    int rc = jbi_enter(&env);
    if (rc != JB_OK) {
        free(joined);
        return rc;
    }
    uintptr_t token = 0;
    if ((*env)->PushLocalFrame(env, 16) != 0) {
        rc = jbi_java_check(env, JB_ENOMEM, "jb_loader_new");
    } else {
        jobjectArray urls = urls_of(env, joined, &rc);
        jobject parent = urls != NULL ? (*env)->CallStaticObjectMethod(env, ids.loader_class, ids.system_loader) : NULL;
        jobject loader = urls != NULL && !(*env)->ExceptionCheck(env)
                             ? (*env)->NewObject(env, ids.url_loader_class, ids.url_loader_init, urls, parent)
                             : NULL;
        if (rc == JB_OK) {
            rc = jbi_java_check(env, JB_EJAVA, "jb_loader_new: creating the URLClassLoader");
        }
        if (rc == JB_OK && loader == NULL) {
            rc = jbi_fail(JB_EINTERNAL, "jb_loader_new: no loader and no exception");
        }
        if (rc == JB_OK) {
            register_destroy();
            jbi_object *o = malloc(sizeof *o);
            if (o == NULL || (o->ref = (*env)->NewGlobalRef(env, loader)) == NULL) {
                free(o);
                rc = jbi_fail(JB_ENOMEM, "jb_loader_new: no memory for the loader's handle");
            } else if (jbi_handles_add(JBI_HANDLE_LOADER, o, &token) != JBI_H_OK) {
                (*env)->DeleteGlobalRef(env, o->ref);
                free(o);
                rc = jbi_fail(JB_ENOMEM, "jb_loader_new: no memory for the loader's handle");
            }
        }
        (*env)->PopLocalFrame(env, NULL);
    }
    jbi_leave();
    free(joined);
    if (rc == JB_OK) {
        *out = (jb_loader *)token;
    }
    return rc;
}

JB_API int jb_loader_free(jb_loader *loader) {
    if (loader == NULL) {
        return JB_OK;
    }
    if (jbi_handles_remove((uintptr_t)loader, JBI_HANDLE_LOADER) != JBI_H_OK) {
        return jbi_fail(JB_EHANDLE, "jb_loader_free: not a live jb_loader (freed already, forged, or another kind of handle)");
    }
    return JB_OK;
}

/* Holds the loader for a lookup; *ref is its global reference until release. */
static int hold(jb_loader *loader, const char *fn, jobject *ref) {
    void *ptr = NULL;
    if (loader == NULL) {
        return jbi_fail(JB_EINVAL, "%s: loader is NULL", fn);
    }
    if (jbi_handles_acquire((uintptr_t)loader, JBI_HANDLE_LOADER, &ptr) != JBI_H_OK) {
        return jbi_fail(JB_EHANDLE, "%s: not a live jb_loader (freed, forged or closed)", fn);
    }
    *ref = ((jbi_object *)ptr)->ref;
    return JB_OK;
}

JB_API int jb_loader_object(jb_loader *loader, jb_object **out) {
    if (out == NULL) {
        return jbi_fail(JB_EINVAL, "jb_loader_object: out is NULL");
    }
    jobject ref = NULL;
    int rc = hold(loader, "jb_loader_object", &ref);
    if (rc != JB_OK) {
        return rc;
    }
    JNIEnv *env = NULL;
    if ((rc = jbi_enter(&env)) == JB_OK) {
        uintptr_t token = 0;
        if ((rc = jbi_object_wrap(env, ref, &token)) == JB_OK) {
            *out = (jb_object *)token;
        }
        jbi_leave();
    }
    jbi_handles_release((uintptr_t)loader);
    return rc;
}

JB_API int jb_loader_find_class(jb_loader *loader, const char *class_name, jb_object **out) {
    if (class_name == NULL || out == NULL) {
        return jbi_fail(JB_EINVAL, "jb_loader_find_class: class_name and out must not be NULL");
    }
    if (class_name[0] == '\0') {
        return jbi_fail(JB_EINVAL, "jb_loader_find_class: empty class name");
    }
    char *name_m = NULL;
    int rc = jbi_to_modified_utf8(class_name, strlen(class_name), "the class name", &name_m);
    if (rc != JB_OK) {
        return rc;
    }
    for (char *p = name_m; *p != '\0'; p++) {
        if (*p == '.') *p = '/';
    }
    jobject ref = NULL;
    if ((rc = hold(loader, "jb_loader_find_class", &ref)) != JB_OK) {
        free(name_m);
        return rc;
    }
    JNIEnv *env = NULL;
    if ((rc = jbi_enter(&env)) == JB_OK) {
        if ((*env)->PushLocalFrame(env, 8) != 0) {
            rc = jbi_java_check(env, JB_ENOMEM, "jb_loader_find_class");
        } else {
            jclass cls = jbi_find_class(env, ref, name_m);
            char what[300];
            snprintf(what, sizeof what, "jb_loader_find_class: finding class %s", class_name);
            uintptr_t token = 0;
            if ((rc = jbi_java_check(env, JB_ECLASS, what)) == JB_OK &&
                (rc = jbi_object_wrap(env, cls, &token)) == JB_OK) {
                *out = (jb_object *)token;
            }
            (*env)->PopLocalFrame(env, NULL);
        }
        jbi_leave();
    }
    jbi_handles_release((uintptr_t)loader);
    free(name_m);
    return rc;
}

static int find_method(jb_loader *loader, jbi_method_kind kind, const char *class_name, const char *name,
                       const char *signature, jb_method **out, const char *fn) {
    jobject ref = NULL;
    int rc = hold(loader, fn, &ref);
    if (rc != JB_OK) {
        return rc;
    }
    rc = jbi_method_find(ref, kind, class_name, name, signature, out);
    jbi_handles_release((uintptr_t)loader);
    return rc;
}

JB_API int jb_loader_find_static(jb_loader *loader, const char *class_name, const char *method_name,
                                 const char *signature, jb_method **out) {
    return find_method(loader, JBI_STATIC, class_name, method_name, signature, out, "jb_loader_find_static");
}

JB_API int jb_loader_find_instance(jb_loader *loader, const char *class_name, const char *method_name,
                                   const char *signature, jb_method **out) {
    return find_method(loader, JBI_INSTANCE, class_name, method_name, signature, out, "jb_loader_find_instance");
}

JB_API int jb_loader_find_constructor(jb_loader *loader, const char *class_name, const char *signature,
                                      jb_method **out) {
    return find_method(loader, JBI_CONSTRUCTOR, class_name, "<init>", signature, out, "jb_loader_find_constructor");
}

static int find_field(jb_loader *loader, jbi_method_kind kind, const char *class_name, const char *name,
                      const char *descriptor, jb_field **out, const char *fn) {
    jobject ref = NULL;
    int rc = hold(loader, fn, &ref);
    if (rc != JB_OK) {
        return rc;
    }
    rc = jbi_field_find(ref, kind, class_name, name, descriptor, out);
    jbi_handles_release((uintptr_t)loader);
    return rc;
}

JB_API int jb_loader_find_field_static(jb_loader *loader, const char *class_name, const char *field_name,
                                       const char *descriptor, jb_field **out) {
    return find_field(loader, JBI_FIELD_STATIC, class_name, field_name, descriptor, out, "jb_loader_find_field_static");
}

JB_API int jb_loader_find_field_instance(jb_loader *loader, const char *class_name, const char *field_name,
                                         const char *descriptor, jb_field **out) {
    return find_field(loader, JBI_FIELD_INSTANCE, class_name, field_name, descriptor, out,
                      "jb_loader_find_field_instance");
}

JB_API int jb_proxy_new_in(jb_loader *loader, const char *const *interfaces, size_t count, jb_proxy_fn fn,
                           void *user_data, jb_proxy **out_proxy, jb_object **out_object) {
    jobject ref = NULL;
    int rc = hold(loader, "jb_proxy_new_in", &ref);
    if (rc != JB_OK) {
        return rc;
    }
    rc = jbi_proxy_new(ref, interfaces, count, fn, user_data, out_proxy, out_object);
    jbi_handles_release((uintptr_t)loader);
    return rc;
}
