/*
 * Loading and releasing jbi_ext (ext_ids.h) once per JVM.
 */
#include <string.h>

#include "javabridge/errors.h"
#include "ext_ids.h"
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
    if (jbi_proxy_ids_load(env) != JB_OK) {
        goto fail;
    }
    return JB_OK;
fail:
    (*env)->ExceptionClear(env);
    jbi_ext_ids_release(env);
    return JB_EINTERNAL;
}

void jbi_ext_ids_release(JNIEnv *env) {
    jbi_proxy_ids_release(env);
    for (int i = 0; i < 9; i++) {
        if (env != NULL && jbi_ext.array_classes[i] != NULL) {
            (*env)->DeleteGlobalRef(env, jbi_ext.array_classes[i]);
        }
    }
    memset(&jbi_ext, 0, sizeof jbi_ext);
}
