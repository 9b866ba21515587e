/*
 * Proxies (proxy.c): the classes and IDs they use, loaded with jbi_ext (ext_ids.c).
 */
#ifndef JB_API_PROXY_INTERNAL_H
#define JB_API_PROXY_INTERNAL_H

#include <jni.h>

#include "javabridge/proxy.h"

/* Defines (or finds, when the JVM outlived an earlier close) the handler class and caches every
 * ID proxies use. 0 or JB_EINTERNAL, with no exception pending and nothing held on failure. */
int jbi_proxy_ids_load(JNIEnv *env);
void jbi_proxy_ids_release(JNIEnv *env);

/* jb_proxy_new, finding the interfaces through class_loader (a ClassLoader), or as FindClass
 * does when it is NULL (jb_loader_proxy_new passes its loader). */
int jbi_proxy_new(jobject class_loader, const char *const *interfaces, size_t count, jb_proxy_fn fn, void *user_data,
                  jb_proxy **out_proxy, jb_object **out_object);

#endif
