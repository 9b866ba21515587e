/**
 * @file javabridge.h
 * @brief C programs call Java: the whole public API of libjavabridge.
 *
 * @code
 *   jb_vm *vm;
 *   if (jb_vm_open(NULL, &vm) != JB_OK) { puts(jb_error_message()); return 1; }
 *   jb_method *max;
 *   jb_method_find_static("java.lang.Math", "max", "(II)I", &max);
 *   jb_arg args[] = { jb_arg_int32(3), jb_arg_int32(7) };
 *   int32_t r;
 *   jb_call_static_int32(max, args, 2, &r);
 *   jb_method_free(max);
 *   jb_vm_close(vm);
 * @endcode
 * Link with -ljavabridge; libjvm is found at run time (see vm.h), never linked.
 */
#ifndef JAVABRIDGE_JAVABRIDGE_H
#define JAVABRIDGE_JAVABRIDGE_H

#include "javabridge/export.h"
#include "javabridge/errors.h"
#include "javabridge/vm.h"
#include "javabridge/method.h"
#include "javabridge/object.h"
#include "javabridge/call.h"
#include "javabridge/array.h"
#include "javabridge/field.h"
#include "javabridge/run.h"
#include "javabridge/proxy.h"
#include "javabridge/buffer.h"
#include "javabridge/loader.h"
#include "javabridge/upcall.h"
#include "javabridge/natives.h"

#endif
