/*
 * Loading and releasing jbi_ext (ext_ids.h) once per JVM.
 */
#include <string.h>

#include "javabridge/errors.h"
#include "javabridge/jnikit/module.h" /* jbk_global_class */
#include "ext_ids.h"
#include "loader_internal.h"
#include "proxy_internal.h"

jbi_ext_ids jbi_ext;

static const char *const array_class_names[9] = {"[Ljava/lang/String;", "[Z", "[B", "[S", "[C",
                                                 "[I", "[J", "[F", "[D"};

int jbi_ext_ids_load(JNIEnv *env) {
    memset(&jbi_ext, 0, sizeof jbi_ext);
    for (int i = 0; i < 9; i++) {
        jclass local = (*env)->FindClass(env, array_class_names[i]);
        jbi_ext.array_classes[i] = local != NULL ? (*env)->NewGlobalRef(env, local) : NULL;
        if (local != NULL) {
            (*env)->DeleteLocalRef(env, local);
        }
        if (jbi_ext.array_classes[i] == NULL) {
            goto fail;
        }
    }
    jclass member = (*env)->FindClass(env, "java/lang/reflect/Member");
    if (member == NULL) {
        goto fail;
    }
    jbi_ext.member_get_modifiers = (*env)->GetMethodID(env, member, "getModifiers", "()I");
    (*env)->DeleteLocalRef(env, member);
    if (jbi_ext.member_get_modifiers == NULL) {
        goto fail;
    }
    jclass cls = (*env)->FindClass(env, "java/lang/Class");
    if (cls == NULL) {
        goto fail;
    }
    jbi_ext.class_is_array = (*env)->GetMethodID(env, cls, "isArray", "()Z");
    jbi_ext.class_component_type = jbi_ext.class_is_array != NULL
                                       ? (*env)->GetMethodID(env, cls, "getComponentType", "()Ljava/lang/Class;")
                                       : NULL;
    (*env)->DeleteLocalRef(env, cls);
    if (jbi_ext.class_component_type == NULL ||
        (jbi_ext.object_array_class = jbk_global_class(env, "[Ljava/lang/Object;")) == NULL ||
        (jbi_ext.buffer_class = jbk_global_class(env, "java/nio/Buffer")) == NULL) {
        goto fail;
    }
    if (jbi_proxy_ids_load(env) != JB_OK || jbi_loader_ids_load(env) != JB_OK) {
        goto fail;
    }
    return JB_OK;
fail:
    (*env)->ExceptionClear(env);
    jbi_ext_ids_release(env);
    return JB_EINTERNAL;
}

void jbi_ext_ids_release(JNIEnv *env) {
    jbi_loader_ids_release(env);
    jbi_proxy_ids_release(env);
    for (int i = 0; i < 9; i++) {
        if (env != NULL && jbi_ext.array_classes[i] != NULL) {
            (*env)->DeleteGlobalRef(env, jbi_ext.array_classes[i]);
        }
    }
    if (env != NULL && jbi_ext.object_array_class != NULL) {
        (*env)->DeleteGlobalRef(env, jbi_ext.object_array_class);
    }
    if (env != NULL && jbi_ext.buffer_class != NULL) {
        (*env)->DeleteGlobalRef(env, jbi_ext.buffer_class);
    }
    memset(&jbi_ext, 0, sizeof jbi_ext);
}
