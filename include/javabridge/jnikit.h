/**
 * @file jnikit.h
 * @brief The JNI kit: javabridge's safety for any JNI library (umbrella header).
 *
 * A static library (`libjavabridge_jnikit.a`, position-independent) that a JNI shared library
 * links: javabridge's own natives, bindgen's generated glue and users' natives all use it, so
 * there is one copy of each rule:
 *
 * - jnikit/throw.h:  throwing by exception kind, with a fallback when `ThrowNew` fails;
 * - jnikit/check.h:  null, index and range checks that throw;
 * - jnikit/pin.h:    pinning `byte[]`, primitive arrays and direct buffers with the right release mode;
 * - jnikit/pins.h:   several arrays and direct buffers pinned together around one C call;
 * - jnikit/callback.h: Java objects C calls back through a `void *` user data (tokens, not pointers);
 * - jnikit/status.h: an int result and a negative status in one `jlong`;
 * - jnikit/bytes.h:  `byte[]` copies and the strict UTF-8 codec (`jstring` <-> real UTF-8, fast path for ASCII);
 * - jnikit/oserror.h: errno (and Windows' `GetLastError`) taken right after a C call, described thread-safely;
 * - jnikit/module.h: `JNI_OnLoad` from a table: JNI version check, `RegisterNatives` under the
 *                    (possibly relocated) package, modules that cache IDs and unwind on failure.
 *
 * Every kit symbol has hidden visibility: each shared library carries its own private copy of
 * the kit and its state, so several libraries built on it share a process without interposing.
 * One shared library holds one `jbk_library` (jnikit/module.h).
 *
 * Threads: after `JNI_OnLoad` every function may be called from any thread with that thread's
 * `JNIEnv`. Errors: functions that can fail return 0 on success and -1 with a Java exception
 * pending; the native must then return to Java at once, making no further JNI calls.
 */
#ifndef JAVABRIDGE_JNIKIT_H
#define JAVABRIDGE_JNIKIT_H

#define JBK_VERSION_MAJOR 0 /**< The kit's major version: incompatible API changes bump this. */
#define JBK_VERSION_MINOR 1 /**< The kit's minor version: compatible additions bump this. */
#define JBK_VERSION_PATCH 0 /**< The kit's patch version: fixes bump this. */

#include "jnikit/throw.h"
#include "jnikit/check.h"
#include "jnikit/pin.h"
#include "jnikit/pins.h"
#include "jnikit/status.h"
#include "jnikit/callback.h"
#include "jnikit/bytes.h"
#include "jnikit/oserror.h"
#include "jnikit/module.h"

#endif
