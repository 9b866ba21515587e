/* The guide's repr(C) Config: a Java record copied into the C struct, normalised, copied back. */
#include "guide.h" /* first: it decides what the javac -h prototypes export */
#include "dev_javabridge_ConfigNative.h"

#include <stdint.h>

#include "config.h"

JNIEXPORT jobject JNICALL Java_dev_javabridge_ConfigNative_normalize(JNIEnv *env, jclass cls, jlong timeoutMs,
                                                                     jint maxRetries, jboolean enabled) {
    (void)cls;
    if (timeoutMs < 0 || timeoutMs > (jlong)UINT32_MAX) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "timeoutMs %lld does not fit uint32_t", (long long)timeoutMs);
        return NULL;
    }
    if (maxRetries < 0 || maxRetries > UINT8_MAX) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "maxRetries %d does not fit uint8_t", (int)maxRetries);
        return NULL;
    }
    Config config = {(uint32_t)timeoutMs, (uint8_t)maxRetries, enabled == JNI_TRUE};
    int rc = config_normalize(&config);
    if (rc == CONFIG_ERR_TOO_MANY_RETRIES) {
        jbk_throw(env, JBK_ILLEGAL_ARGUMENT, "maxRetries %d is more than the %u allowed", (int)maxRetries,
                  CONFIG_MAX_RETRIES);
        return NULL;
    }
    if (rc != CONFIG_OK) {
        jbk_throw(env, JBK_ILLEGAL_STATE, "config_normalize failed with code %d", rc);
        return NULL;
    }
    return (*env)->NewObject(env, guide_ids.config_class, guide_ids.config_ctor, (jlong)config.timeout_ms,
                             (jint)config.max_retries, config.enabled ? JNI_TRUE : JNI_FALSE);
}
