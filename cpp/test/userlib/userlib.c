/*
 * A user's JNI library built on the kit, outside dev.javabridge: the fixture that proves
 * NativeLoader and the kit serve any library (loaded from its own jar's natives/<platform>/),
 * and that tests each kit helper through the real JNI. Its Java side is
 * com.example.userlib.UserLib (java/test). The natives keep javac-style names but are
 * bound by RegisterNatives, and only JNI_OnLoad/JNI_OnUnload are exported.
 */
#include <jni.h>
#include <javabridge/jnikit.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#undef JNIEXPORT
#define JNIEXPORT JBK_LOCAL

/* A status code of this library's own, for Status.isStatus/code on the Java side. */
#define USERLIB_EDIVIDE (-7)

static jlong JNICALL divide(JNIEnv *env, jclass cls, jint a, jint b) {
    (void)env;
    (void)cls;
    if (b == 0 || (a == INT32_MIN && b == -1)) {
        return JBK_STATUS(USERLIB_EDIVIDE);
    }
    return jbk_int_or_status(0, a / b);
}

static void JNICALL throw_kind(JNIEnv *env, jclass cls, jint kind) {
    (void)cls;
    jbk_throw(env, (jbk_exception)kind, "kind %d from C: caf\xC3\xA9 \xF0\x9F\x98\x80 \xFF!", (int)kind);
}

static void JNICALL throw_class(JNIEnv *env, jclass cls, jbyteArray name) {
    (void)cls;
    size_t n;
    char *c_name = jbk_copy_bytes(env, name, &n, "name");
    if (c_name == NULL) {
        return;
    }
    jbk_throw_class(env, c_name, "thrown by name");
    free(c_name);
}

/* Sums bytes through a read pin (critical or not) after the kit's range check. */
static jlong JNICALL sum(JNIEnv *env, jclass cls, jbyteArray data, jint offset, jint length, jboolean critical) {
    (void)cls;
    jbk_pinned pin = JBK_PINNED_INIT;
    if (jbk_pin_bytes(env, data, offset, length, JBK_PIN_READ | (critical ? JBK_PIN_CRITICAL : 0), &pin, "data") != 0) {
        return -1;
    }
    jlong total = 0;
    for (jint i = 0; i < length; i++) {
        total += ((const unsigned char *)pin.data)[i];
    }
    jbk_unpin(env, &pin);
    return total;
}

/* Writes through a pin with the given access: only a WRITE pin must reach the array. */
static void JNICALL fill(JNIEnv *env, jclass cls, jbyteArray data, jint offset, jint length, jbyte value, jint access) {
    (void)cls;
    jbk_pinned pin = JBK_PINNED_INIT;
    if (jbk_pin_bytes(env, data, offset, length, access, &pin, "data") != 0) {
        return;
    }
    memset(pin.data, value, (size_t)length);
    jbk_unpin(env, &pin);
}

static jdouble JNICALL sum_doubles(JNIEnv *env, jclass cls, jdoubleArray data, jint offset, jint length) {
    (void)cls;
    jbk_pinned pin = JBK_PINNED_INIT;
    if (jbk_pin_array(env, data, sizeof(jdouble), offset, length, JBK_PIN_READ, &pin, "data") != 0) {
        return 0;
    }
    jdouble total = 0;
    for (jint i = 0; i < length; i++) {
        total += ((const jdouble *)pin.data)[i];
    }
    jbk_unpin(env, &pin);
    return total;
}

static jlong JNICALL buffer_sum(JNIEnv *env, jclass cls, jobject buffer, jlong offset, jlong length) {
    (void)cls;
    void *address;
    if (jbk_direct_buffer(env, buffer, offset, length, &address, "buffer") != 0) {
        return -1;
    }
    jlong total = 0;
    for (jlong i = 0; i < length; i++) {
        total += ((const unsigned char *)address)[i];
    }
    return total;
}

/*
 * out[outOffset + i] = a[aOffset + i] * buffer[i] for i < length, through one jbk_pins set of an
 * int[] (read), a long[] (written) and a direct buffer (read), plus extra empty pins of a (to
 * reach the set's limit); returns the sum written.
 */
static jlong JNICALL mix(JNIEnv *env, jclass cls, jintArray a, jint a_offset, jlongArray out, jint out_offset,
                         jobject buffer, jint length, jint extra_pins) {
    (void)cls;
    jbk_pins pins = JBK_PINS_INIT;
    void *a_data = NULL, *out_data = NULL, *buffer_data = NULL, *unused = NULL;
    if (jbk_pins_array(env, &pins, a, sizeof(jint), a_offset, length, JBK_PIN_READ, &a_data, "a") != 0 ||
        jbk_pins_array(env, &pins, out, sizeof(jlong), out_offset, length, JBK_PIN_WRITE, &out_data, "out") != 0 ||
        jbk_pins_buffer(env, &pins, buffer, 0, length, JBK_PIN_READ, &buffer_data, "buffer") != 0) {
        return 0;
    }
    for (jint i = 0; i < extra_pins; i++) {
        if (jbk_pins_array(env, &pins, a, sizeof(jint), 0, 0, JBK_PIN_READ, &unused, "extra") != 0) {
            return 0;
        }
    }
    if (jbk_pins_enter(env, &pins) != 0) {
        return 0;
    }
    jlong total = 0;
    for (jint i = 0; i < length; i++) {
        jlong v = (jlong)((const jint *)a_data)[i] * ((const unsigned char *)buffer_data)[i];
        ((jlong *)out_data)[i] = v;
        total += v;
    }
    jbk_pins_leave(env, &pins);
    jbk_pins_leave(env, &pins); /* a second leave is a no-op, as on a cleanup path */
    return a_data == NULL && out_data == NULL && buffer_data == NULL ? total : -1;
}

/* ---- Callbacks (jnikit/callback.h): a C API shaped as C libraries shape them, and its trampoline. */

#define USERLIB_ABORT (-100) /* what the trampoline returns to C when the Java callback cannot run or threw */

typedef int (*visit_fn)(void *user_data, int value);

/* The "C library": calls fn for each value until it returns non-zero, and returns that. */
static int visit_all(const jint *values, int n, visit_fn fn, void *user_data) {
    for (int i = 0; i < n; i++) {
        int r = fn(user_data, values[i]);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

static jmethodID apply_as_int; /* IntUnaryOperator.applyAsInt, cached by the callbacks module */

static int visit_trampoline(void *user_data, int value) {
    jbk_callback_call call;
    if (jbk_callback_enter(user_data, &call) != 0) {
        return USERLIB_ABORT;
    }
    jint r = (*call.env)->CallIntMethod(call.env, call.target, apply_as_int, (jint)value);
    return jbk_callback_leave(&call) != 0 ? USERLIB_ABORT : (int)r;
}

typedef struct visit_job {
    const jint *values;
    int n;
    void *token;
    int result;
} visit_job;

static void *visit_thread(void *arg) {
    visit_job *job = arg;
    job->result = visit_all(job->values, job->n, visit_trampoline, job->token);
    return NULL;
}

/* visit_all over a copy of values (a callback makes JNI calls, so nothing may be pinned critically),
 * on this thread or on a new native thread the JVM has never seen. */
static jint JNICALL visit(JNIEnv *env, jclass cls, jintArray values, jobject fn, jboolean on_thread) {
    (void)cls;
    if (jbk_check_not_null(env, values, "values") != 0) {
        return 0;
    }
    jsize n = (*env)->GetArrayLength(env, values);
    jint *copy = malloc(n > 0 ? (size_t)n * sizeof(jint) : 1);
    if (copy == NULL) {
        jbk_throw(env, JBK_OUT_OF_MEMORY, "values: %d ints", (int)n);
        return 0;
    }
    (*env)->GetIntArrayRegion(env, values, 0, n, copy);
    visit_job job = {copy, (int)n, NULL, 0};
    if (jbk_callback_open(env, fn, &job.token, "fn") != 0) {
        free(copy);
        return 0;
    }
    pthread_t thread;
    if (!on_thread) {
        visit_thread(&job);
    } else if (pthread_create(&thread, NULL, visit_thread, &job) == 0) {
        pthread_join(thread, NULL);
    } else {
        job.result = USERLIB_ABORT;
    }
    free(copy);
    if (jbk_callback_close(env, job.token) != 0) {
        return 0;
    }
    return job.result;
}

/* A callback the "C library" keeps beyond the call that registered it (as event handlers are). */
static void *kept_token;

static void JNICALL keep(JNIEnv *env, jclass cls, jobject fn) {
    (void)cls;
    jbk_callback_open(env, fn, &kept_token, "fn");
}

static jint JNICALL fire_kept(JNIEnv *env, jclass cls, jint value) {
    (void)env;
    (void)cls;
    return visit_trampoline(kept_token, value);
}

static void JNICALL drop_kept(JNIEnv *env, jclass cls) {
    (void)cls;
    jbk_callback_close(env, kept_token); /* rethrows what the kept callback threw, if it did */
}

/* How many callbacks can be open at once: opens until refused, then closes them all. */
static jint JNICALL callback_capacity(JNIEnv *env, jclass cls, jobject fn) {
    (void)cls;
    static void *tokens[JBK_CALLBACK_SLOTS + 1];
    jint opened = 0;
    while (opened <= JBK_CALLBACK_SLOTS && jbk_callback_open(env, fn, &tokens[opened], "fn") == 0) {
        opened++;
    }
    jthrowable refused = (*env)->ExceptionOccurred(env);
    (*env)->ExceptionClear(env);
    for (jint i = 0; i < opened; i++) {
        jbk_callback_close(env, tokens[i]);
    }
    if (refused != NULL) {
        (*env)->Throw(env, refused);
    }
    return opened;
}

static int callbacks_load(JNIEnv *env) {
    jclass op = (*env)->FindClass(env, "java/util/function/IntUnaryOperator");
    if (op == NULL) {
        return -1;
    }
    apply_as_int = jbk_method(env, op, "applyAsInt", "(I)I");
    (*env)->DeleteLocalRef(env, op);
    return apply_as_int == NULL ? -1 : 0;
}

/* jstring -> real UTF-8 -> jstring: what crosses is checked by the UTF-8 length too. */
static jstring JNICALL echo(JNIEnv *env, jclass cls, jstring text, jintArray utf8_length) {
    (void)cls;
    size_t n;
    char *utf8 = jbk_string_utf8(env, text, &n, "text");
    if (utf8 == NULL) {
        return NULL;
    }
    if (utf8_length != NULL && (*env)->GetArrayLength(env, utf8_length) > 0) {
        jint len = (jint)n;
        (*env)->SetIntArrayRegion(env, utf8_length, 0, 1, &len);
    }
    jstring result = jbk_new_string_utf8(env, utf8, n, "echo");
    free(utf8);
    return result;
}

static jstring JNICALL decode(JNIEnv *env, jclass cls, jbyteArray bytes) {
    (void)cls;
    size_t n;
    char *copy = jbk_copy_bytes(env, bytes, &n, "bytes");
    if (copy == NULL) {
        return NULL;
    }
    jstring result = jbk_new_string_utf8(env, copy, n, "bytes");
    free(copy);
    return result;
}

static jstring JNICALL runtime_package(JNIEnv *env, jclass cls) {
    (void)cls;
    return (*env)->NewStringUTF(env, jbk_runtime_package());
}

/* The module that fails on demand, to prove jbk_on_load unwinds: its load sets a system
 * property the Java test reads, its unload another. */
static void set_property(JNIEnv *env, const char *key, const char *value) {
    jclass system = (*env)->FindClass(env, "java/lang/System");
    jmethodID set = system ? (*env)->GetStaticMethodID(env, system, "setProperty",
                                                      "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;")
                           : NULL;
    jstring k = set ? (*env)->NewStringUTF(env, key) : NULL;
    jstring v = k ? (*env)->NewStringUTF(env, value) : NULL;
    if (v != NULL) {
        jobject old = (*env)->CallStaticObjectMethod(env, system, set, k, v);
        if (old != NULL) {
            (*env)->DeleteLocalRef(env, old);
        }
    }
}

static int first_load(JNIEnv *env) {
    set_property(env, "userlib.first", "loaded");
    return (*env)->ExceptionCheck(env) ? -1 : 0;
}

static void first_unload(JNIEnv *env) {
    jthrowable pending = (*env)->ExceptionOccurred(env);
    (*env)->ExceptionClear(env);
    set_property(env, "userlib.first", "unloaded");
    (*env)->ExceptionClear(env);
    if (pending != NULL) {
        (*env)->Throw(env, pending);
    }
}

/* Fails when the system property userlib.fail is set: a class the library needs is missing. */
static int second_load(JNIEnv *env) {
    jclass system = (*env)->FindClass(env, "java/lang/System");
    jmethodID get = (*env)->GetStaticMethodID(env, system, "getProperty", "(Ljava/lang/String;)Ljava/lang/String;");
    jstring key = (*env)->NewStringUTF(env, "userlib.fail");
    jobject value = key != NULL ? (*env)->CallStaticObjectMethod(env, system, get, key) : NULL;
    if ((*env)->ExceptionCheck(env)) {
        return -1;
    }
    if (value == NULL) {
        return 0;
    }
    jclass missing = jbk_find_class(env, "com/example/userlib/NoSuchClass");
    return missing == NULL ? -1 : 0;
}

#define N(name, sig, fn) {(char *)(name), (char *)(sig), (void *)(fn)}
static const JNINativeMethod methods[] = {
    N("divide", "(II)J", divide),
    N("throwKind", "(I)V", throw_kind),
    N("throwClass", "([B)V", throw_class),
    N("sum", "([BIIZ)J", sum),
    N("fill", "([BIIBI)V", fill),
    N("sumDoubles", "([DII)D", sum_doubles),
    N("bufferSum", "(Ljava/nio/ByteBuffer;JJ)J", buffer_sum),
    N("mix", "([II[JILjava/nio/ByteBuffer;II)J", mix),
    N("visit", "([ILjava/util/function/IntUnaryOperator;Z)I", visit),
    N("keep", "(Ljava/util/function/IntUnaryOperator;)V", keep),
    N("fireKept", "(I)I", fire_kept),
    N("dropKept", "()V", drop_kept),
    N("callbackCapacity", "(Ljava/util/function/IntUnaryOperator;)I", callback_capacity),
    N("echo", "(Ljava/lang/String;[I)Ljava/lang/String;", echo),
    N("decode", "([B)Ljava/lang/String;", decode),
    N("runtimePackage", "()Ljava/lang/String;", runtime_package),
};

static const jbk_class_natives natives[] = {
    {"com/example/userlib/UserLib", methods, (jint)(sizeof methods / sizeof methods[0])},
};

static const jbk_module modules[] = {
    {"first", first_load, first_unload},
    {"second", second_load, NULL},
    {"callbacks", callbacks_load, NULL},
};

static const jbk_library library = {
    .name = "userlib",
    .package = "com/example/userlib",
    .jni_version = JNI_VERSION_1_8,
    .natives = natives,
    .natives_count = 1,
    .modules = modules,
    .module_count = 3,
};

JBK_DEFINE_JNI_ONLOAD(library)
