/*
 * A C program calling Java through a generated header: dev.javabridge.examples.GuideExports
 * marks the guide's functions @CExport, and the build generates guide_exports.h/.c from it.
 * No JNI, no signatures: plain C types, jb_ status codes, and explicit ownership.
 *
 * Build:  cc -std=c11 -I include -I GENERATED export_demo.c GENERATED/guide_exports.c \
 *            -L DIR -ljavabridge -Wl,-rpath,DIR
 * Run:    ./export_demo CLASSPATH   (the javabridge jar, or target/classes)
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guide_exports.h"

/* Prints a failure the way a C caller would handle it: code, name, and what Java said. */
static void print_error(const char *call, int rc) {
    printf("%s failed: %s (%d)", call, jb_error_name(rc), rc);
    if (rc == JB_EJAVA) {
        const char *message = jb_error_java_message();
        printf(": %s: %s", jb_error_java_class(), message != NULL ? message : "(no message)");
    } else {
        printf(": %s", jb_error_message());
    }
    printf("\n");
}

int main(int argc, char **argv) {
    const char *class_path = argc > 1 ? argv[1] : getenv("JB_EXAMPLE_CLASSPATH");
    jb_vm_options options = JB_VM_OPTIONS_INIT;
    options.class_path = &class_path;
    options.class_path_count = class_path != NULL ? 1 : 0;
    jb_vm *vm = NULL;
    int rc = jb_vm_open(&options, &vm);
    if (rc != JB_OK) {
        print_error("jb_vm_open", rc);
        return 1;
    }
    int unexpected = 0;

    int64_t product = 0;
    if ((rc = guide_multiply(6, 7, &product)) == JB_OK) {
        printf("multiply(6, 7) = %" PRId64 "\n", product);
    } else {
        print_error("multiply(6, 7)", rc);
        unexpected++;
    }
    if ((rc = guide_multiply(INT32_MAX, INT32_MAX, &product)) == JB_OK) {
        printf("multiply(INT32_MAX, INT32_MAX) = %" PRId64 "\n", product);
    } else {
        print_error("multiply(INT32_MAX, INT32_MAX)", rc);
        unexpected++;
    }

    /* divide: one success, then the two error cases, each a code with Java's message. */
    int32_t quotient = 0;
    if ((rc = guide_divide(84, 2, &quotient)) == JB_OK) {
        printf("divide(84, 2) = %" PRId32 "\n", quotient);
    } else {
        print_error("divide(84, 2)", rc);
        unexpected++;
    }
    if ((rc = guide_divide(1, 0, &quotient)) != JB_OK) {
        print_error("divide(1, 0)", rc);
    } else {
        unexpected++;
    }
    if ((rc = guide_divide(INT32_MIN, -1, &quotient)) != JB_OK) {
        print_error("divide(INT32_MIN, -1)", rc);
    } else {
        unexpected++;
    }
    /* A NULL out-parameter is refused before Java is called. */
    if ((rc = guide_divide(1, 1, NULL)) != JB_OK) {
        print_error("divide(1, 1, NULL)", rc);
    } else {
        unexpected++;
    }

    /* safe_operation: however the Java side fails, the caller gets a code and carries on. */
    const int32_t inputs[] = {20, -5, INT32_MAX};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        int32_t result = 0;
        char what[64];
        snprintf(what, sizeof what, "safe_operation(%" PRId32 ")", inputs[i]);
        if ((rc = guide_safe_operation(inputs[i], &result)) == JB_OK) {
            printf("%s = %" PRId32 "\n", what, result);
        } else {
            print_error(what, rc);
        }
    }

    /* create_buffer/free_buffer: the bytes Java made are the caller's until it frees them. */
    uint8_t *buffer = NULL;
    size_t size = 0;
    if ((rc = guide_create_buffer(1000, &buffer, &size)) == JB_OK) {
        printf("create_buffer(1000): %zu bytes, buffer[255] = %u, buffer[256] = %u\n", size, buffer[255], buffer[256]);
        int64_t sum = 0;
        /* process_data over the caller-owned buffer: the sum of 0..255 three times plus 0..231 */
        if ((rc = guide_process_data(buffer, size, &sum)) == JB_OK) {
            printf("process_data(buffer) = %" PRId64 "\n", sum);
        } else {
            print_error("process_data(buffer)", rc);
            unexpected++;
        }
        guide_free_buffer(buffer);
        buffer = NULL;
    } else {
        print_error("create_buffer(1000)", rc);
        unexpected++;
    }
    if ((rc = guide_create_buffer(0, &buffer, &size)) != JB_OK) {
        print_error("create_buffer(0)", rc);
    } else {
        guide_free_buffer(buffer);
        unexpected++;
    }

    /* process_data validation: NULL data is refused in Java, a NULL pointer with a length in C. */
    int64_t sum = 0;
    if ((rc = guide_process_data(NULL, 0, &sum)) != JB_OK) {
        print_error("process_data(NULL, 0)", rc);
    } else {
        unexpected++;
    }
    if ((rc = guide_process_data(NULL, 10, &sum)) != JB_OK) {
        print_error("process_data(NULL, 10)", rc);
    } else {
        unexpected++;
    }

    /* Records cross as structs. */
    guide_point a = {0.0, 0.0}, b = {3.0, 4.0}, mid = {0.0, 0.0};
    double distance = 0;
    if ((rc = guide_point_distance(a, b, &distance)) == JB_OK && (rc = guide_midpoint(a, b, &mid)) == JB_OK) {
        printf("point_distance((0,0), (3,4)) = %.1f, midpoint = (%.1f, %.1f)\n", distance, mid.x, mid.y);
    } else {
        print_error("point_distance/midpoint", rc);
        unexpected++;
    }

    /* Strings are UTF-8 both ways; the result belongs to the caller. */
    char *greeting = NULL;
    if ((rc = guide_greet("world \xF0\x9F\x8C\x8D", &greeting, NULL)) == JB_OK) {
        printf("greet: %s\n", greeting);
        guide_free_string(greeting);
    } else {
        print_error("greet", rc);
        unexpected++;
    }

    /* The last close destroys the JVM; a failure there (a timeout, a thread still attached) is a
     * result the caller must see, so the demo reports it like any other. */
    if ((rc = jb_vm_close(vm)) != JB_OK) {
        print_error("jb_vm_close", rc);
        unexpected++;
    }
    printf("%s\n", unexpected == 0 ? "all done" : "UNEXPECTED RESULTS");
    return unexpected == 0 ? 0 : 1;
}
