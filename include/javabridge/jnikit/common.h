/**
 * @file jnikit/common.h
 * @brief What every kit header shares: jni.h and the visibility of kit symbols.
 */
#ifndef JAVABRIDGE_JNIKIT_COMMON_H
#define JAVABRIDGE_JNIKIT_COMMON_H

#include <jni.h>
#include <stddef.h>
#include <stdint.h>

/* Hidden even when the library is built with default visibility: each shared library owns its
 * copy of the kit (its caches, its package), so one library must never bind to another's. */
#if defined(_WIN32)
#define JBK_LOCAL
#elif defined(__GNUC__)
#define JBK_LOCAL __attribute__((visibility("hidden")))
#else
#define JBK_LOCAL
#endif

/* What a JNI library does export: JNI_OnLoad and JNI_OnUnload (JBK_DEFINE_JNI_ONLOAD). Spelled
 * out rather than JNIEXPORT, which a library may redefine to keep its javac -h natives hidden. */
#if defined(_WIN32)
#define JBK_EXPORT __declspec(dllexport)
#elif defined(__GNUC__)
#define JBK_EXPORT __attribute__((visibility("default")))
#else
#define JBK_EXPORT
#endif

#if defined(__MINGW32__)
/* mingw's "printf" means msvcrt's dialect; the build selects the C99 one (%zu, %lld). */
#define JBK_PRINTF(fmt, args) __attribute__((format(gnu_printf, fmt, args)))
#elif defined(__GNUC__)
#define JBK_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define JBK_PRINTF(fmt, args)
#endif

#endif
