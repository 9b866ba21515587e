/*
 * A C program calling Java through libjavabridge: standard library methods, a small class of
 * the project's (dev.javabridge.examples.Greeter), and a call that throws.
 *
 * Build against the C SDK: CMakeLists.txt (find_package) or Makefile (pkg-config) beside this file.
 * Run:    ./javabridge_example CLASSPATH   (the javabridge jar, or target/classes)
 * libjvm is found through JAVA_HOME, the java on PATH, or the usual system locations.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <javabridge/javabridge.h>

static int report(const char *what, int rc) {
    if (rc != JB_OK) {
        fprintf(stderr, "%s failed: %s (%d): %s\n", what, jb_error_name(rc), rc, jb_error_message());
    }
    return rc;
}

int main(int argc, char **argv) {
    const char *class_path = argc > 1 ? argv[1] : getenv("JB_EXAMPLE_CLASSPATH");
    printf("libjavabridge %s (header %s)\n", jb_version(), JB_VERSION_STRING);

    jb_vm_options options = JB_VM_OPTIONS_INIT;
    options.class_path = &class_path;
    options.class_path_count = class_path != NULL ? 1 : 0;
    jb_vm *vm = NULL;
    if (report("jb_vm_open", jb_vm_open(&options, &vm)) != JB_OK) {
        return 1;
    }
    int failures = 0;

    /* java.lang.Math.max(int, int) */
    jb_method *max = NULL;
    int32_t biggest = 0;
    jb_arg two_ints[] = {jb_arg_int32(3), jb_arg_int32(7)};
    if (report("find Math.max", jb_method_find_static("java.lang.Math", "max", "(II)I", &max)) == JB_OK &&
        report("Math.max", jb_call_static_int32(max, two_ints, 2, &biggest)) == JB_OK) {
        printf("Math.max(3, 7) = %" PRId32 "\n", biggest);
    } else {
        failures++;
    }
    jb_method_free(max);

    /* System.getProperty(String) returning a String */
    jb_method *property = NULL;
    char *version = NULL;
    jb_arg key = jb_arg_string("java.version");
    if (report("find System.getProperty",
               jb_method_find_static("java.lang.System", "getProperty", "(Ljava/lang/String;)Ljava/lang/String;",
                                     &property)) == JB_OK &&
        report("System.getProperty", jb_call_static_string(property, &key, 1, &version, NULL)) == JB_OK) {
        printf("java.version = %s\n", version != NULL ? version : "(null)");
    } else {
        failures++;
    }
    jb_string_free(version);
    jb_method_free(property);

    /* The project's Greeter: a constructor, an instance method, static methods. */
    jb_method *ctor = NULL, *greet = NULL, *fib = NULL, *count = NULL, *shout = NULL;
    jb_object *greeter = NULL;
    char *greeting = NULL;
    int64_t fib90 = 0;
    int32_t points = 0;
    uint8_t *loud = NULL;
    size_t loud_len = 0;
    const char *who = "world \xF0\x9F\x8C\x8D"; /* "world 🌍" */
    jb_arg hello = jb_arg_string("Hello");
    jb_arg name = jb_arg_string(who);
    jb_arg ninety = jb_arg_int32(90);
    const char quiet[] = "quiet voice";
    jb_arg quiet_bytes = jb_arg_bytes(quiet, strlen(quiet));
    if (report("find Greeter(String)",
               jb_method_find_constructor("dev.javabridge.examples.Greeter", "(Ljava/lang/String;)V", &ctor)) ||
        report("find greet", jb_method_find_instance("dev.javabridge.examples.Greeter", "greet",
                                                     "(Ljava/lang/String;)Ljava/lang/String;", &greet)) ||
        report("find fibonacci", jb_method_find_static("dev.javabridge.examples.Greeter", "fibonacci", "(I)J", &fib)) ||
        report("find codePoints",
               jb_method_find_static("dev.javabridge.examples.Greeter", "codePoints", "(Ljava/lang/String;)I", &count)) ||
        report("find shout", jb_method_find_static("dev.javabridge.examples.Greeter", "shout", "([B)[B", &shout))) {
        failures++;
    } else {
        if (report("new Greeter", jb_call_new(ctor, &hello, 1, &greeter)) == JB_OK &&
            report("greet", jb_call_instance_string(greet, greeter, &name, 1, &greeting, NULL)) == JB_OK) {
            printf("greeter.greet(\"%s\") = %s\n", who, greeting);
        } else {
            failures++;
        }
        if (report("codePoints", jb_call_static_int32(count, &name, 1, &points)) == JB_OK) {
            printf("Greeter.codePoints(\"%s\") = %" PRId32 " (%zu UTF-8 bytes)\n", who, points, strlen(who));
        } else {
            failures++;
        }
        if (report("fibonacci", jb_call_static_int64(fib, &ninety, 1, &fib90)) == JB_OK) {
            printf("Greeter.fibonacci(90) = %" PRId64 "\n", fib90);
        } else {
            failures++;
        }
        if (report("shout", jb_call_static_bytes(shout, &quiet_bytes, 1, &loud, &loud_len)) == JB_OK) {
            printf("Greeter.shout(\"%s\") = \"%.*s\" (%zu bytes)\n", quiet, (int)loud_len, (const char *)loud, loud_len);
        } else {
            failures++;
        }

        /* A call that throws: the exception comes back as JB_EJAVA with its details. */
        jb_arg too_big = jb_arg_int32(100);
        int rc = jb_call_static_int64(fib, &too_big, 1, &fib90);
        printf("Greeter.fibonacci(100) -> %s (%d)\n", jb_error_name(rc), rc);
        if (rc == JB_EJAVA) {
            printf("  exception: %s\n  message:   %s\n", jb_error_java_class(), jb_error_java_message());
            const char *trace = jb_error_java_stack_trace();
            const char *first_frame = trace != NULL ? strstr(trace, "\tat ") : NULL;
            if (first_frame != NULL) {
                printf("  thrown    %.*s\n", (int)strcspn(first_frame + 1, "\n"), first_frame + 1);
            }
        } else {
            failures++;
        }
        /* The JVM is still usable after the exception. */
        jb_arg five = jb_arg_int32(5);
        if (report("fibonacci again", jb_call_static_int64(fib, &five, 1, &fib90)) == JB_OK) {
            printf("Greeter.fibonacci(5) = %" PRId64 " after the exception\n", fib90);
        } else {
            failures++;
        }
    }
    jb_bytes_free(loud);
    jb_string_free(greeting);
    jb_object_free(greeter);
    jb_method_free(ctor);
    jb_method_free(greet);
    jb_method_free(fib);
    jb_method_free(count);
    jb_method_free(shout);

    if (report("jb_vm_close", jb_vm_close(vm)) != JB_OK) {
        failures++;
    }
    printf("%s\n", failures == 0 ? "done" : "FAILED");
    return failures == 0 ? 0 : 1;
}
