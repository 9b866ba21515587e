/*
 * A JVMTI agent that records what one JNI library asks of the JVM: the classes it finds
 * (FindClass, and Class.forName called through JNI, which the kit uses for an anchor's class
 * loader), the methods and fields it looks up, the natives it registers and the exceptions it
 * throws. GraalVM native-image needs exactly that list as reachability metadata; recording it
 * from the real library at load time, rather than writing it by hand, is what keeps the two
 * from drifting (scripts/native-image-metadata.py turns the record into the jar's JSON).
 *
 *   java -agentpath:libjb_jni_trace.so=OUT_FILE,LIBRARY_SUBSTRING ...
 *
 * Only calls whose return address lies in a shared object whose path contains
 * LIBRARY_SUBSTRING are recorded: the JDK's own native code uses the same function table.
 * The agent swaps the JNI function table, so it must not run with -Xcheck:jni (the checker
 * wraps the same table) and it is a build tool, never shipped.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <jvmti.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jniNativeInterface *original;
static FILE *out;
static char library[256];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static jclass class_class;
static jclass throwable_class;
static jmethodID class_get_name;
static jmethodID class_for_name;

static int from_library(const void *address) {
    Dl_info info;
    return dladdr(address, &info) != 0 && info.dli_fname != NULL && strstr(info.dli_fname, library) != NULL;
}

static void emit(const char *kind, const char *a, const char *b, const char *c) {
    pthread_mutex_lock(&lock);
    fprintf(out, "%s\t%s%s%s%s%s\n", kind, a, b ? "\t" : "", b ? b : "", c ? "\t" : "", c ? c : "");
    fflush(out);
    pthread_mutex_unlock(&lock);
}

/* The class's binary name (java.lang.String, a.B$C), written into buf; "" if unknown. */
static void name_of(JNIEnv *env, jclass cls, char *buf, size_t size) {
    buf[0] = '\0';
    if (cls == NULL || original->ExceptionCheck(env)) {
        return;
    }
    jstring name = (jstring)original->CallObjectMethod(env, cls, class_get_name);
    if (name == NULL) {
        original->ExceptionClear(env);
        return;
    }
    const char *chars = original->GetStringUTFChars(env, name, NULL);
    if (chars != NULL) {
        snprintf(buf, size, "%s", chars);
        original->ReleaseStringUTFChars(env, name, chars);
    }
    original->DeleteLocalRef(env, name);
}

/* Every class the library can name; a Throwable may be thrown with ThrowNew(cls, message). */
static void record_class(JNIEnv *env, jclass cls) {
    char name[512];
    name_of(env, cls, name, sizeof name);
    if (name[0] == '\0') {
        return;
    }
    emit("class", name, NULL, NULL);
    if (original->IsAssignableFrom(env, cls, throwable_class)) {
        emit("throwable", name, NULL, NULL);
    }
}

static void record_member(JNIEnv *env, const char *kind, jclass cls, const char *member, const char *sig) {
    char name[512];
    name_of(env, cls, name, sizeof name);
    if (name[0] != '\0' && member != NULL && sig != NULL) {
        emit(kind, name, member, sig);
    }
}

static jclass JNICALL find_class(JNIEnv *env, const char *name) {
    jclass cls = original->FindClass(env, name);
    if (cls != NULL && from_library(__builtin_return_address(0))) {
        record_class(env, cls);
    }
    return cls;
}

#define LOOKUP(fn, type, kind)                                                               \
    static type JNICALL fn(JNIEnv *env, jclass cls, const char *name, const char *sig) {   \
        type id = original->fn(env, cls, name, sig);                                         \
        if (id != NULL && from_library(__builtin_return_address(0))) {                       \
            record_member(env, kind, cls, name, sig);                                        \
        }                                                                                    \
        return id;                                                                           \
    }
LOOKUP(GetMethodID, jmethodID, "method")
LOOKUP(GetStaticMethodID, jmethodID, "method")
LOOKUP(GetFieldID, jfieldID, "field")
LOOKUP(GetStaticFieldID, jfieldID, "field")

static jint JNICALL register_natives(JNIEnv *env, jclass cls, const JNINativeMethod *methods, jint count) {
    jint rc = original->RegisterNatives(env, cls, methods, count);
    if (rc == JNI_OK && from_library(__builtin_return_address(0))) {
        record_class(env, cls);
        for (jint i = 0; i < count; i++) {
            record_member(env, "native", cls, methods[i].name, methods[i].signature);
        }
    }
    return rc;
}

static jint JNICALL throw_new(JNIEnv *env, jclass cls, const char *message) {
    if (from_library(__builtin_return_address(0))) {
        record_class(env, cls);
    }
    return original->ThrowNew(env, cls, message);
}

/* Class.forName through JNI: the class it returns is one native-image must be able to look up. */
static jobject for_name_result(JNIEnv *env, jmethodID id, jobject result, const void *caller) {
    if (id == class_for_name && result != NULL && from_library(caller)) {
        record_class(env, (jclass)result);
        char name[512];
        name_of(env, (jclass)result, name, sizeof name);
        if (name[0] != '\0') {
            emit("forname", name, NULL, NULL);
        }
    }
    return result;
}

static jobject JNICALL call_static_object_v(JNIEnv *env, jclass cls, jmethodID id, va_list args) {
    return for_name_result(env, id, original->CallStaticObjectMethodV(env, cls, id, args), __builtin_return_address(0));
}

static jobject JNICALL call_static_object_a(JNIEnv *env, jclass cls, jmethodID id, const jvalue *args) {
    return for_name_result(env, id, original->CallStaticObjectMethodA(env, cls, id, args), __builtin_return_address(0));
}

static jobject JNICALL call_static_object(JNIEnv *env, jclass cls, jmethodID id, ...) {
    va_list args;
    va_start(args, id);
    jobject result = original->CallStaticObjectMethodV(env, cls, id, args);
    va_end(args);
    return for_name_result(env, id, result, __builtin_return_address(0));
}

static void JNICALL vm_init(jvmtiEnv *jvmti, JNIEnv *env, jthread thread) {
    (void)thread;
    jniNativeInterface *table = NULL;
    if ((*jvmti)->GetJNIFunctionTable(jvmti, &table) != JVMTI_ERROR_NONE) {
        fprintf(stderr, "jni_trace_agent: GetJNIFunctionTable failed\n");
        exit(70);
    }
    /* GetJNIFunctionTable hands out a copy: one to keep calling, one to change. */
    original = table;
    jniNativeInterface *mine = malloc(sizeof *mine);
    if (mine == NULL) {
        exit(70);
    }
    memcpy(mine, table, sizeof *mine);
    class_class = (jclass)(*env)->NewGlobalRef(env, (*env)->FindClass(env, "java/lang/Class"));
    throwable_class = (jclass)(*env)->NewGlobalRef(env, (*env)->FindClass(env, "java/lang/Throwable"));
    class_get_name = (*env)->GetMethodID(env, class_class, "getName", "()Ljava/lang/String;");
    class_for_name = (*env)->GetStaticMethodID(env, class_class, "forName",
                                               "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;");
    if (class_get_name == NULL || class_for_name == NULL) {
        fprintf(stderr, "jni_trace_agent: java.lang.Class lookups failed\n");
        exit(70);
    }
    mine->FindClass = find_class;
    mine->GetMethodID = GetMethodID;
    mine->GetStaticMethodID = GetStaticMethodID;
    mine->GetFieldID = GetFieldID;
    mine->GetStaticFieldID = GetStaticFieldID;
    mine->RegisterNatives = register_natives;
    mine->ThrowNew = throw_new;
    mine->CallStaticObjectMethod = call_static_object;
    mine->CallStaticObjectMethodV = call_static_object_v;
    mine->CallStaticObjectMethodA = call_static_object_a;
    if ((*jvmti)->SetJNIFunctionTable(jvmti, mine) != JVMTI_ERROR_NONE) {
        fprintf(stderr, "jni_trace_agent: SetJNIFunctionTable failed\n");
        exit(70);
    }
}

JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved) {
    (void)reserved;
    const char *comma = options != NULL ? strchr(options, ',') : NULL;
    if (comma == NULL || comma == options || comma[1] == '\0' || strlen(comma + 1) >= sizeof library) {
        fprintf(stderr, "jni_trace_agent: options must be OUT_FILE,LIBRARY_SUBSTRING\n");
        return JNI_ERR;
    }
    snprintf(library, sizeof library, "%s", comma + 1);
    char path[4096];
    snprintf(path, sizeof path, "%.*s", (int)(comma - options), options);
    if ((out = fopen(path, "w")) == NULL) {
        fprintf(stderr, "jni_trace_agent: cannot write %s\n", path);
        return JNI_ERR;
    }
    jvmtiEnv *jvmti = NULL;
    if ((*vm)->GetEnv(vm, (void **)&jvmti, JVMTI_VERSION_1_2) != JNI_OK) {
        return JNI_ERR;
    }
    jvmtiEventCallbacks callbacks;
    memset(&callbacks, 0, sizeof callbacks);
    callbacks.VMInit = vm_init;
    if ((*jvmti)->SetEventCallbacks(jvmti, &callbacks, sizeof callbacks) != JVMTI_ERROR_NONE ||
        (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_VM_INIT, NULL) != JVMTI_ERROR_NONE) {
        return JNI_ERR;
    }
    return JNI_OK;
}

JNIEXPORT void JNICALL Agent_OnUnload(JavaVM *vm) {
    (void)vm;
    if (out != NULL) {
        fclose(out);
    }
}
