/*
 * Test-only natives (never in the production library): a JUnit test loads this with
 * System.load and calls them, so that libjavabridge joins the JVM that is already running
 * (the surefire JVM) from a Java thread, and from native threads it starts.
 */
#include <jni.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <javabridge/javabridge.h>

/* Its own JNI_OnLoad: otherwise the JVM's dlsym finds libjavabridge's (a dependency), whose
 * cache needs the javabridge jar's classes, which this test does not. */
JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)vm;
    (void)reserved;
    return JNI_VERSION_1_8;
}

/* As UTF-8 bytes for Java to decode: NewStringUTF takes modified UTF-8, which mangles emoji. */
static jbyteArray result(JNIEnv *env, const char *text) {
    jsize n = (jsize)strlen(text);
    jbyteArray a = (*env)->NewByteArray(env, n);
    if (a != NULL) {
        (*env)->SetByteArrayRegion(env, a, 0, n, (const jbyte *)text);
    }
    return a;
}

static jbyteArray failure(JNIEnv *env, const char *what, int rc) {
    char text[1400];
    snprintf(text, sizeof text, "FAIL %s: %s: %s", what, jb_error_name(rc), jb_error_message());
    return result(env, text);
}

/* Joins, calls a static method, an exception-throwing one and a constructor, closes. */
JNIEXPORT jbyteArray JNICALL Java_dev_javabridge_capi_JoinNatives_joinAndCall0(JNIEnv *env, jclass cls) {
    (void)cls;
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.mode = JB_VM_JOIN;
    jb_vm *vm = NULL;
    int rc = jb_vm_open(&o, &vm);
    if (rc != JB_OK) return failure(env, "jb_vm_open(JOIN)", rc);
    jb_method *add = NULL, *iae = NULL, *ctor = NULL, *name = NULL;
    char text[1024] = "";
    if ((rc = jb_method_find_static("dev.javabridge.capi.CapiTarget", "add", "(II)I", &add)) != JB_OK ||
        (rc = jb_method_find_static("dev.javabridge.capi.CapiTarget", "throwIllegalArgument", "(Ljava/lang/String;)I", &iae)) != JB_OK ||
        (rc = jb_method_find_constructor("dev.javabridge.capi.CapiTarget$Counter", "(Ljava/lang/String;J)V", &ctor)) != JB_OK ||
        (rc = jb_method_find_instance("dev.javabridge.capi.CapiTarget$Counter", "toString", "()Ljava/lang/String;", &name)) != JB_OK) {
        jbyteArray r = failure(env, "lookup", rc);
        jb_vm_close(vm);
        return r;
    }
    jb_arg two[] = {jb_arg_int32(40), jb_arg_int32(2)};
    int32_t sum = 0;
    rc = jb_call_static_int32(add, two, 2, &sum);
    if (rc != JB_OK) return failure(env, "add", rc);
    jb_arg msg = jb_arg_string("thrown inside a native method \xE2\x9C\x93");
    int32_t ignored = 0;
    int thrown = jb_call_static_int32(iae, &msg, 1, &ignored);
    char java_class[256];
    snprintf(java_class, sizeof java_class, "%s", jb_error_java_class() != NULL ? jb_error_java_class() : "none");
    jb_arg args[] = {jb_arg_string("joined \xF0\x9F\x98\x80"), jb_arg_int64(7)};
    jb_object *counter = NULL;
    char *described = NULL;
    if ((rc = jb_call_new(ctor, args, 2, &counter)) != JB_OK ||
        (rc = jb_call_instance_string(name, counter, NULL, 0, &described, NULL)) != JB_OK) {
        return failure(env, "counter", rc);
    }
    snprintf(text, sizeof text, "sum=%d thrown=%s %s object=%s", (int)sum, jb_error_name(thrown), java_class, described);
    jb_string_free(described);
    jb_object_free(counter);
    jb_method_free(add);
    jb_method_free(iae);
    jb_method_free(ctor);
    jb_method_free(name);
    /* A joined JVM is never destroyed: this only releases javabridge's reference. */
    rc = jb_vm_close(vm);
    if (rc != JB_OK) return failure(env, "jb_vm_close", rc);
    /* Nothing pending, the thread still attached: returning to Java is safe. */
    return result(env, text);
}

typedef struct worker {
    jb_method *add;
    int failures;
} worker;

static void *work(void *arg) {
    worker *w = arg;
    for (int k = 0; k < 1000; k++) {
        jb_arg two[] = {jb_arg_int32(k), jb_arg_int32(1)};
        int32_t r = 0;
        if (jb_call_static_int32(w->add, two, 2, &r) != JB_OK || r != k + 1) w->failures++;
    }
    return NULL; /* exits without detaching: javabridge's thread-exit hook does it */
}

/* Starts native threads that call Java through libjavabridge and exit; returns failures or a
 * negative jb_ code. */
JNIEXPORT jint JNICALL Java_dev_javabridge_capi_JoinNatives_callFromNativeThreads(JNIEnv *env, jclass cls, jint n) {
    (void)env;
    (void)cls;
    if (n < 1 || n > 64) return -1000;
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.mode = JB_VM_JOIN;
    jb_vm *vm = NULL;
    int rc = jb_vm_open(&o, &vm);
    if (rc != JB_OK) return rc;
    jb_method *add = NULL;
    if ((rc = jb_method_find_static("dev.javabridge.capi.CapiTarget", "add", "(II)I", &add)) != JB_OK) {
        jb_vm_close(vm);
        return rc;
    }
    pthread_t threads[64];
    worker workers[64];
    int failures = 0;
    for (int i = 0; i < n; i++) {
        workers[i].add = add;
        workers[i].failures = 0;
        if (pthread_create(&threads[i], NULL, work, &workers[i]) != 0) return -1001;
    }
    for (int i = 0; i < n; i++) {
        pthread_join(threads[i], NULL);
        failures += workers[i].failures;
    }
    jb_method_free(add);
    rc = jb_vm_close(vm);
    return rc != JB_OK ? rc : failures;
}
