# Sanitizer build only (JB_SANITIZE): proof that the sanitizers see what they claim to.
#  - jb_sanitizer_canary: a JNI library with a deliberate out-of-bounds read and a deliberate leak;
#    scripts/ci-sanitize.sh runs it and fails unless each is reported (built with the project's
#    own sanitizer flags, so a flag lost from hardening.cmake loses the reports too).
#  - jb_glue_leak_host: a C program that embeds the JVM through libjavabridge and runs a Java main,
#    so the guide's JNI natives (and the kit) run with LeakSanitizer on, which a JUnit JVM cannot do.
#    scripts/ci-sanitize.sh runs dev.javabridge.sanitize.GlueWorkout through it from the packaged jar:
#    not a ctest test, since ctest runs before the jar exists and target/classes' NativeLoader still
#    needs native-lib-loader unrelocated, which no class path here holds.
add_library(jb_sanitizer_canary SHARED cpp/sanitize/sanitizer_canary.c)
target_include_directories(jb_sanitizer_canary PRIVATE ${JNI_INCLUDE_DIRS})

add_executable(jb_glue_leak_host cpp/sanitize/glue_leak_host.c)
target_link_libraries(jb_glue_leak_host PRIVATE javabridge)
set_target_properties(jb_glue_leak_host PROPERTIES BUILD_RPATH "${JB_NATIVES_DIR}")
jb_embeds_jvm(jb_glue_leak_host)
