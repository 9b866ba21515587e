/*
 * Proxies (proxy.c): the classes and IDs they use, loaded with jbi_ext (ext_ids.c).
 */
#ifndef JB_API_PROXY_INTERNAL_H
#define JB_API_PROXY_INTERNAL_H

#include <jni.h>

/* Defines (or finds, when the JVM outlived an earlier close) the handler class and caches every
 * ID proxies use. 0 or JB_EINTERNAL, with no exception pending and nothing held on failure. */
int jbi_proxy_ids_load(JNIEnv *env);
void jbi_proxy_ids_release(JNIEnv *env);

#endif
