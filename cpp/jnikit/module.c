/*
 * JNI_OnLoad from a table. Each step undoes itself when a later one fails, so a failed load
 * leaves no global reference and no registered native behind, and the JVM's error names the
 * cause (the exception left pending).
 *
 * The runtime package: NativeLoader calls System.load from its method "jnikitSystemLoad" and
 * answers "jnikitAnchor()" with the anchor class of that load (per thread). Those two names
 * are the contract between the kit and the Java loader; relocation renames classes, never
 * methods, so the kit finds a shaded NativeLoader on the stack by its method's name.
 */
#include <stdlib.h>
#include <string.h>

#include "kit_state.h"

jbk_state jbk_kit;

JavaVM *jbk_vm(void) {
    return jbk_kit.vm;
}

const char *jbk_runtime_package(void) {
    return jbk_kit.runtime_package;
}

static int append(char *out, size_t size, size_t *o, const char *s, size_t n) {
    if (n >= size - *o) {
        return -1;
    }
    memcpy(out + *o, s, n);
    *o += n;
    out[*o] = '\0';
    return 0;
}

/* A class name of the build's package moves to the runtime package. */
static int relocate_class(const char *name, size_t n, char *out, size_t size, size_t *o) {
    const char *bp = jbk_kit.build_package != NULL ? jbk_kit.build_package : "";
    size_t bl = strlen(bp);
    if (bl > 0 && n > bl && strncmp(name, bp, bl) == 0 && name[bl] == '/') {
        return append(out, size, o, jbk_kit.runtime_package, strlen(jbk_kit.runtime_package)) != 0 ||
                       append(out, size, o, name + bl, n - bl) != 0
                   ? -1
                   : 0;
    }
    return append(out, size, o, name, n);
}

int jbk_relocate(const char *name, char *out, size_t size) {
    if (name == NULL || out == NULL || size == 0) {
        return -1;
    }
    size_t n = strlen(name), o = 0;
    out[0] = '\0';
    int descriptor = name[0] == '(' || name[0] == '[' || (n > 1 && name[0] == 'L' && name[n - 1] == ';');
    if (!descriptor) {
        return relocate_class(name, n, out, size, &o);
    }
    /* Outside a class name every character of a descriptor is one type letter or bracket. */
    for (size_t i = 0; i < n;) {
        if (name[i] == 'L') {
            const char *end = strchr(name + i, ';');
            if (end == NULL) {
                return append(out, size, &o, name + i, n - i); /* malformed: JNI will say so */
            }
            if (append(out, size, &o, "L", 1) != 0 ||
                relocate_class(name + i + 1, (size_t)(end - name) - i - 1, out, size, &o) != 0 ||
                append(out, size, &o, ";", 1) != 0) {
                return -1;
            }
            i = (size_t)(end - name) + 1;
        } else {
            if (append(out, size, &o, name + i, 1) != 0) {
                return -1;
            }
            i++;
        }
    }
    return 0;
}

static int relocated(JNIEnv *env, const char *name, char *out, size_t size) {
    if (jbk_relocate(name, out, size) != 0) {
        return jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "name too long to relocate: %.200s", name != NULL ? name : "NULL");
    }
    return 0;
}

jclass jbk_find_class(JNIEnv *env, const char *name) {
    char jni_name[JBK_NAME_MAX];
    if (relocated(env, name, jni_name, sizeof jni_name) != 0) {
        return NULL;
    }
    if (jbk_kit.anchor_loader == NULL) {
        return (*env)->FindClass(env, jni_name);
    }
    /* During JNI_OnLoad FindClass would use the loader of the class that called System.load
     * (NativeLoader's); the library's classes belong to the anchor's, maybe a child of it. */
    char dotted[JBK_NAME_MAX];
    for (size_t i = 0;; i++) {
        dotted[i] = jni_name[i] == '/' ? '.' : jni_name[i];
        if (jni_name[i] == '\0') {
            break;
        }
    }
    jstring jname = (*env)->NewStringUTF(env, dotted);
    if (jname == NULL) {
        return NULL;
    }
    jclass cls = (jclass)(*env)->CallStaticObjectMethod(env, jbk_kit.class_class, jbk_kit.class_for_name, jname,
                                                        JNI_FALSE, jbk_kit.anchor_loader);
    (*env)->DeleteLocalRef(env, jname);
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
        jbk_throw_class(env, "java/lang/NoClassDefFoundError", "%s (through the anchor's class loader)", jni_name);
        return NULL;
    }
    return cls;
}

jclass jbk_global_class(JNIEnv *env, const char *name) {
    jclass local = jbk_find_class(env, name);
    if (local == NULL) {
        return NULL;
    }
    jclass global = (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    if (global == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "no global reference for %s", name);
    }
    return global;
}

jweak jbk_weak_class(JNIEnv *env, const char *name) {
    jclass local = jbk_find_class(env, name);
    if (local == NULL) {
        return NULL;
    }
    jweak weak = (*env)->NewWeakGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    if (weak == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "no weak global reference for %s", name);
    }
    return weak;
}

#define MEMBER_LOOKUP(fn, type, jni_call)                                                          \
    type fn(JNIEnv *env, jclass cls, const char *name, const char *signature) {                    \
        char sig[JBK_NAME_MAX];                                                                    \
        if (jbk_check_not_null(env, cls, "class") != 0 || relocated(env, signature, sig, sizeof sig) != 0) { \
            return NULL;                                                                           \
        }                                                                                          \
        return (*env)->jni_call(env, cls, name, sig);                                              \
    }
MEMBER_LOOKUP(jbk_method, jmethodID, GetMethodID)
MEMBER_LOOKUP(jbk_static_method, jmethodID, GetStaticMethodID)
MEMBER_LOOKUP(jbk_field, jfieldID, GetFieldID)
MEMBER_LOOKUP(jbk_static_field, jfieldID, GetStaticFieldID)

/* Calls that may throw, each checked at once (-Xcheck:jni insists): NULL on an exception. */
static jobject checked(JNIEnv *env, jobject result) {
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
        return NULL;
    }
    return result;
}
#define CALL(obj, mid) checked(env, (*env)->CallObjectMethod(env, (obj), (mid)))
#define CALL_STATIC(cls, mid) checked(env, (*env)->CallStaticObjectMethod(env, (cls), (mid)))

/* Sets runtime_package and anchor_loader from NativeLoader's anchor, if NativeLoader is on
 * this thread's stack. Best effort: any failure keeps the build's package. */
static void find_anchor(JNIEnv *env) {
    if ((*env)->PushLocalFrame(env, 32) != 0) {
        (*env)->ExceptionClear(env);
        return;
    }
    jobject loader = NULL;
    jclass thread = (*env)->FindClass(env, "java/lang/Thread");
    jclass element = (*env)->FindClass(env, "java/lang/StackTraceElement");
    jclass class_class = (*env)->FindClass(env, "java/lang/Class");
    jmethodID current = thread ? (*env)->GetStaticMethodID(env, thread, "currentThread", "()Ljava/lang/Thread;") : NULL;
    jmethodID trace = thread ? (*env)->GetMethodID(env, thread, "getStackTrace", "()[Ljava/lang/StackTraceElement;") : NULL;
    jmethodID class_name = element ? (*env)->GetMethodID(env, element, "getClassName", "()Ljava/lang/String;") : NULL;
    jmethodID method_name = element ? (*env)->GetMethodID(env, element, "getMethodName", "()Ljava/lang/String;") : NULL;
    jmethodID get_name = class_class ? (*env)->GetMethodID(env, class_class, "getName", "()Ljava/lang/String;") : NULL;
    jmethodID get_loader = class_class ? (*env)->GetMethodID(env, class_class, "getClassLoader", "()Ljava/lang/ClassLoader;") : NULL;
    jmethodID for_name = class_class ? (*env)->GetStaticMethodID(env, class_class, "forName",
                                                                 "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;") : NULL;
    if (!current || !trace || !class_name || !method_name || !get_name || !get_loader || !for_name) {
        goto done;
    }
    jobject me = CALL_STATIC(thread, current);
    jobjectArray frames = me ? (jobjectArray)CALL(me, trace) : NULL;
    if (frames == NULL || (*env)->ExceptionCheck(env)) {
        goto done;
    }
    jsize count = (*env)->GetArrayLength(env, frames);
    jstring holder = NULL;
    for (jsize i = 0; i < count && holder == NULL; i++) {
        jobject frame = checked(env, (*env)->GetObjectArrayElement(env, frames, i));
        jstring method = frame ? (jstring)CALL(frame, method_name) : NULL;
        if (method != NULL) {
            const char *m = (*env)->GetStringUTFChars(env, method, NULL);
            if (m != NULL && strcmp(m, "jnikitSystemLoad") == 0) {
                holder = (jstring)CALL(frame, class_name);
            }
            if (m != NULL) {
                (*env)->ReleaseStringUTFChars(env, method, m);
            }
            (*env)->DeleteLocalRef(env, method);
        }
        if (frame != NULL) {
            (*env)->DeleteLocalRef(env, frame);
        }
        if ((*env)->ExceptionCheck(env)) {
            goto done;
        }
    }
    if (holder == NULL) {
        goto done;
    }
    char name[JBK_NAME_MAX];
    jsize len = (*env)->GetStringUTFLength(env, holder);
    if (len <= 0 || (size_t)len >= sizeof name) {
        goto done;
    }
    (*env)->GetStringUTFRegion(env, holder, 0, (*env)->GetStringLength(env, holder), name);
    name[len] = '\0';
    for (char *p = name; *p; p++) {
        *p = *p == '.' ? '/' : *p;
    }
    jclass loader_class = (*env)->FindClass(env, name);
    jmethodID anchor_of = loader_class ? (*env)->GetStaticMethodID(env, loader_class, "jnikitAnchor", "()Ljava/lang/Class;") : NULL;
    jclass anchor = anchor_of ? (jclass)CALL_STATIC(loader_class, anchor_of) : NULL;
    jstring anchor_name = anchor ? (jstring)CALL(anchor, get_name) : NULL;
    if (anchor_name == NULL || (*env)->ExceptionCheck(env)) {
        goto done;
    }
    len = (*env)->GetStringUTFLength(env, anchor_name);
    if (len <= 0 || (size_t)len >= sizeof name) {
        goto done;
    }
    (*env)->GetStringUTFRegion(env, anchor_name, 0, (*env)->GetStringLength(env, anchor_name), name);
    name[len] = '\0';
    char *dot = strrchr(name, '.');
    if (dot == NULL) {
        jbk_kit.runtime_package[0] = '\0';
    } else {
        *dot = '\0';
        for (char *p = name; *p; p++) {
            *p = *p == '.' ? '/' : *p;
        }
        memcpy(jbk_kit.runtime_package, name, strlen(name) + 1);
    }
    loader = CALL(anchor, get_loader);
done:
    (*env)->ExceptionClear(env);
    /* The loader and Class outlive this frame as references of JNI_OnLoad's own frame. */
    jobject kept_loader = (*env)->PopLocalFrame(env, loader);
    if (kept_loader != NULL) {
        jbk_kit.anchor_loader = kept_loader;
        jbk_kit.class_class = (*env)->FindClass(env, "java/lang/Class");
        jbk_kit.class_for_name = jbk_kit.class_class
                                     ? (*env)->GetStaticMethodID(env, jbk_kit.class_class, "forName",
                                                                 "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;")
                                     : NULL;
        if (jbk_kit.class_for_name == NULL) {
            (*env)->ExceptionClear(env);
            jbk_kit.anchor_loader = NULL;
        }
    }
}

static void unregister(JNIEnv *env, const jbk_library *lib, size_t count) {
    for (size_t i = count; i-- > 0;) {
        jclass cls = jbk_find_class(env, lib->natives[i].class_name);
        if (cls != NULL) {
            (*env)->UnregisterNatives(env, cls);
            (*env)->DeleteLocalRef(env, cls);
        }
    }
}

/* Unregistering during unwind must not replace the exception that explains the failure. */
static void unregister_keeping_exception(JNIEnv *env, const jbk_library *lib, size_t count) {
    jthrowable cause = (*env)->ExceptionOccurred(env);
    (*env)->ExceptionClear(env);
    unregister(env, lib, count);
    (*env)->ExceptionClear(env);
    if (cause != NULL) {
        (*env)->Throw(env, cause);
        (*env)->DeleteLocalRef(env, cause);
    }
}

static int register_one(JNIEnv *env, const jbk_class_natives *table) {
    if (table->class_name == NULL || table->count < 0 || (table->count > 0 && table->methods == NULL)) {
        return jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "bad natives table for %s",
                         table->class_name != NULL ? table->class_name : "NULL");
    }
    jclass cls = jbk_find_class(env, table->class_name);
    if (cls == NULL) {
        return -1;
    }
    JNINativeMethod *methods = calloc((size_t)table->count + 1, sizeof *methods);
    char *sigs = calloc((size_t)table->count + 1, JBK_NAME_MAX);
    int rc = -1;
    if (methods == NULL || sigs == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "cannot register the natives of %s", table->class_name);
        goto out;
    }
    for (jint i = 0; i < table->count; i++) {
        char *sig = sigs + (size_t)i * JBK_NAME_MAX;
        if (relocated(env, table->methods[i].signature, sig, JBK_NAME_MAX) != 0) {
            goto out;
        }
        methods[i].name = table->methods[i].name;
        methods[i].signature = sig;
        methods[i].fnPtr = table->methods[i].fnPtr;
    }
    rc = (*env)->RegisterNatives(env, cls, methods, table->count) == 0 ? 0 : -1;
    if (rc != 0 && !(*env)->ExceptionCheck(env)) {
        jbk_throw(env, JBK_ILLEGAL_STATE, "RegisterNatives failed for %s", table->class_name);
    }
out:
    free(methods);
    free(sigs);
    (*env)->DeleteLocalRef(env, cls);
    return rc;
}

static void reset_state(void) {
    jbk_state empty = {0};
    jbk_kit = empty;
}

jint jbk_on_load(JavaVM *vm, const jbk_library *lib) {
    JNIEnv *env = NULL;
    if (vm == NULL || lib == NULL || lib->jni_version < JBK_JNI_VERSION_MIN) {
        return JNI_EVERSION;
    }
    if ((*vm)->GetEnv(vm, (void **)&env, lib->jni_version) != JNI_OK) {
        return JNI_EVERSION; /* the JVM is older than the library needs: System.load says so */
    }
    reset_state();
    jbk_kit.vm = vm;
    jbk_kit.build_package = lib->package != NULL ? lib->package : "";
    if (strlen(jbk_kit.build_package) >= sizeof jbk_kit.runtime_package) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "%s: package name too long", lib->name ? lib->name : "library");
        reset_state();
        return JNI_ERR;
    }
    strcpy(jbk_kit.runtime_package, jbk_kit.build_package);
    if (jbk_kit.build_package[0] != '\0') {
        find_anchor(env);
    }
    if (jbk_exceptions_load(env) != 0) {
        reset_state();
        return JNI_ERR;
    }
    size_t registered = 0;
    for (; registered < lib->natives_count; registered++) {
        if (register_one(env, &lib->natives[registered]) != 0) {
            goto unwind_natives;
        }
    }
    size_t loaded = 0;
    for (; loaded < lib->module_count; loaded++) {
        const jbk_module *m = &lib->modules[loaded];
        if (m->load != NULL && m->load(env) != 0) {
            if (!(*env)->ExceptionCheck(env)) {
                jbk_throw(env, JBK_ILLEGAL_STATE, "%s: module %s failed to load", lib->name ? lib->name : "library",
                          m->name ? m->name : "?");
            }
            goto unwind_modules;
        }
    }
    jbk_kit.anchor_loader = NULL; /* a local reference: dead once JNI_OnLoad returns */
    jbk_kit.class_class = NULL;
    jbk_kit.class_for_name = NULL;
    return lib->jni_version;

unwind_modules:
    while (loaded-- > 0) {
        if (lib->modules[loaded].unload != NULL) {
            lib->modules[loaded].unload(env);
        }
    }
unwind_natives:
    unregister_keeping_exception(env, lib, registered);
    {
        jthrowable cause = (*env)->ExceptionOccurred(env);
        (*env)->ExceptionClear(env);
        jbk_exceptions_unload(env);
        if (cause != NULL) {
            (*env)->Throw(env, cause);
        }
    }
    reset_state();
    return JNI_ERR;
}

void jbk_on_unload(JavaVM *vm, const jbk_library *lib) {
    JNIEnv *env = NULL;
    if (vm == NULL || lib == NULL || (*vm)->GetEnv(vm, (void **)&env, JBK_JNI_VERSION_MIN) != JNI_OK) {
        return;
    }
    /* The classes are being unloaded with their loader: nothing to unregister. */
    for (size_t i = lib->module_count; i-- > 0;) {
        if (lib->modules[i].unload != NULL) {
            lib->modules[i].unload(env);
        }
    }
    jbk_exceptions_unload(env);
    reset_state();
}
