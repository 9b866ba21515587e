/*
 * jni_md.h for Windows x86_64, used when cross-compiling with mingw-w64 on a
 * Linux JDK (which ships only linux/jni_md.h). It matches what a Windows JDK's
 * win32/jni_md.h means: LLP64, so jint must be `long` (32-bit) and jlong a
 * 64-bit `__int64`. JNICALL is empty: on x86_64 __stdcall is ignored by the
 * compiler, and JDK 25's jni.h defines JNICALL empty itself after including
 * this file, so any other definition would be a redefinition error.
 */
#ifndef _JAVASOFT_JNI_MD_H_
#define _JAVASOFT_JNI_MD_H_

#if !defined(_WIN64)
#error "this jni_md.h describes 64-bit Windows only"
#endif

#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
#define JNICALL

typedef long jint;
typedef __int64 jlong;
typedef signed char jbyte;

/* The JNI types' sizes are fixed by the specification; fail the build, not the JVM. */
#if defined(__cplusplus)
static_assert(sizeof(jint) == 4 && sizeof(jlong) == 8 && sizeof(jbyte) == 1, "JNI type sizes");
#else
_Static_assert(sizeof(jint) == 4 && sizeof(jlong) == 8 && sizeof(jbyte) == 1, "JNI type sizes");
#endif

#endif /* !_JAVASOFT_JNI_MD_H_ */
