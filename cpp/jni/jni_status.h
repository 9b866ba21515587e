/*
 * Hot paths return codes, not exceptions: an int result and a negative status
 * share one jlong. Results are in int range; a status s is s * 2^32, which is
 * never in int range. Java's Status.check() turns it into the exception.
 */
#ifndef JB_JNI_STATUS_H
#define JB_JNI_STATUS_H

#include <jni.h>

#define JBI_STATUS(code) ((jlong)(code) * ((jlong)1 << 32))

#endif
