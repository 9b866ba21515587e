/*
 * libjavabridge_guide: the natives behind javabridge's Java API (math_ops, buffers, Config,
 * process_data, callbacks, LibC), bound with RegisterNatives under the package the Java
 * classes really live in, so a shaded, relocated javabridge binds them too. Class names and
 * signatures are written with the build's package; the kit relocates them.
 */
#include "guide.h"

#include "dev_javabridge_BridgeNative.h"
#include "dev_javabridge_BufferNative.h"
#include "dev_javabridge_CallbackNative.h"
#include "dev_javabridge_ConfigNative.h"
#include "dev_javabridge_DataNative.h"
#include "dev_javabridge_LibCNative.h"
#include "dev_javabridge_MathOpsNative.h"

guide_cache guide_ids;

#define STATE "Ldev/javabridge/NativeBuffer$State;"
#define N(name, sig, fn) {(char *)(name), (char *)(sig), (void *)(fn)}
#define COUNT(a) ((jint)(sizeof(a) / sizeof((a)[0])))

static const JNINativeMethod bridge[] = {
    N("abiVersion", "()I", Java_dev_javabridge_BridgeNative_abiVersion),
};
static const JNINativeMethod buffer[] = {
    N("allocate", "(J)J", Java_dev_javabridge_BufferNative_allocate),
    N("free", "(" STATE ")V", Java_dev_javabridge_BufferNative_free),
    N("get", "(" STATE "J)B", Java_dev_javabridge_BufferNative_get),
    N("put", "(" STATE "JB)V", Java_dev_javabridge_BufferNative_put),
    N("read", "(" STATE "J[BII)V", Java_dev_javabridge_BufferNative_read),
    N("write", "(" STATE "J[BII)V", Java_dev_javabridge_BufferNative_write),
    N("view", "(" STATE ")Ljava/nio/ByteBuffer;", Java_dev_javabridge_BufferNative_view),
};
static const JNINativeMethod callback[] = {
    N("forEach", "([ILjava/util/function/IntConsumer;)V", Java_dev_javabridge_CallbackNative_forEach),
    N("sort", "([ILdev/javabridge/Callbacks$IntComparator;)V", Java_dev_javabridge_CallbackNative_sort),
};
static const JNINativeMethod config[] = {
    N("normalize", "(JIZ)Ldev/javabridge/Config;", Java_dev_javabridge_ConfigNative_normalize),
};
static const JNINativeMethod data[] = {
    N("sumArray", "([BII)J", Java_dev_javabridge_DataNative_sumArray),
    N("sumBuffer", "(Ljava/nio/ByteBuffer;II)J", Java_dev_javabridge_DataNative_sumBuffer),
};
static const JNINativeMethod libc[] = {
    N("strlen", "([B)J", Java_dev_javabridge_LibCNative_strlen),
    N("format", "([BIJD[B)[B", Java_dev_javabridge_LibCNative_format),
};
static const JNINativeMethod math_ops[] = {
    N("pointDistance", "(DDDD)D", Java_dev_javabridge_MathOpsNative_pointDistance),
    N("safeAdd", "(II)J", Java_dev_javabridge_MathOpsNative_safeAdd),
    N("multiply", "(II)J", Java_dev_javabridge_MathOpsNative_multiply),
    N("divide", "(II)J", Java_dev_javabridge_MathOpsNative_divide),
    N("safeOperation", "(I)J", Java_dev_javabridge_MathOpsNative_safeOperation),
    N("pointDistances", "([D[D[DI)V", Java_dev_javabridge_MathOpsNative_pointDistances),
};

static const jbk_class_natives natives[] = {
    {"dev/javabridge/BridgeNative", bridge, COUNT(bridge)},
    {"dev/javabridge/BufferNative", buffer, COUNT(buffer)},
    {"dev/javabridge/CallbackNative", callback, COUNT(callback)},
    {"dev/javabridge/ConfigNative", config, COUNT(config)},
    {"dev/javabridge/DataNative", data, COUNT(data)},
    {"dev/javabridge/LibCNative", libc, COUNT(libc)},
    {"dev/javabridge/MathOpsNative", math_ops, COUNT(math_ops)},
};

static void ids_unload(JNIEnv *env) {
    if (guide_ids.config_class != NULL) {
        (*env)->DeleteWeakGlobalRef(env, guide_ids.config_class);
    }
    guide_cache empty = {0};
    guide_ids = empty;
}

/* IDs outlive the local class references: an ID is valid while its class is loaded. */
static int ids_load(JNIEnv *env) {
    jclass cls = NULL;
    if ((guide_ids.config_class = jbk_weak_class(env, "dev/javabridge/Config")) == NULL ||
        (guide_ids.config_ctor = jbk_method(env, (jclass)guide_ids.config_class, "<init>", "(JIZ)V")) == NULL) {
        goto fail;
    }
    if ((cls = jbk_find_class(env, "dev/javabridge/NativeBuffer$State")) == NULL ||
        (guide_ids.buffer_state_handle = jbk_field(env, cls, "handle", "J")) == NULL) {
        goto fail;
    }
    (*env)->DeleteLocalRef(env, cls);
    if ((cls = jbk_find_class(env, "java/util/function/IntConsumer")) == NULL ||
        (guide_ids.int_consumer_accept = jbk_method(env, cls, "accept", "(I)V")) == NULL) {
        goto fail;
    }
    (*env)->DeleteLocalRef(env, cls);
    if ((cls = jbk_find_class(env, "dev/javabridge/Callbacks$IntComparator")) == NULL ||
        (guide_ids.int_comparator_compare = jbk_method(env, cls, "compare", "(II)I")) == NULL) {
        goto fail;
    }
    (*env)->DeleteLocalRef(env, cls);
    return 0;
fail:
    if (cls != NULL) {
        (*env)->DeleteLocalRef(env, cls);
    }
    ids_unload(env);
    return -1;
}

static const jbk_module modules[] = {
    {"ids", ids_load, ids_unload},
};

static const jbk_library library = {
    .name = "javabridge_guide",
    .package = "dev/javabridge",
    .jni_version = JNI_VERSION_10,
    .natives = natives,
    .natives_count = sizeof natives / sizeof natives[0],
    .modules = modules,
    .module_count = sizeof modules / sizeof modules[0],
};

JBK_DEFINE_JNI_ONLOAD(library)
