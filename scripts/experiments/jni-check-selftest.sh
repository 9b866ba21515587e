#!/usr/bin/env bash
# Proves that the build's JNI-warning check catches a real -Xcheck:jni warning
# from a surefire-forked JVM. Not part of the test suite (it misuses JNI on
# purpose): run it by hand after changing pom.xml's test JVM flags or
# scripts/check-jni-warnings.sh. It builds a copy of the committed tree in a
# temporary folder with one extra test whose native calls a JNI function right
# after CallStaticVoidMethod without ExceptionCheck, and succeeds only if
# `mvn verify` fails on that warning and the warning is in target/jvm-logs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git -C "$root" archive HEAD | tar -x -C "$work"
cat > "$work/misuse.c" <<'C'
#include <jni.h>
JNIEXPORT void JNICALL Java_dev_javabridge_JniMisuseSelfTest_misuse(JNIEnv *env, jclass cls) {
    jmethodID m = (*env)->GetStaticMethodID(env, cls, "noop", "()V");
    (*env)->CallStaticVoidMethod(env, cls, m);
    (*env)->GetObjectClass(env, cls); /* no ExceptionCheck before this call: -Xcheck:jni warns */
}
C
gcc -shared -fPIC -I"$java_home/include" -I"$java_home/include/linux" -o "$work/libmisuse.so" "$work/misuse.c"
cat > "$work/java/test/dev/javabridge/JniMisuseSelfTest.java" <<JAVA
package dev.javabridge;

class JniMisuseSelfTest {
    static native void misuse();

    static void noop() {}

    @org.junit.jupiter.api.Test
    void misuseJni() {
        System.load("$work/libmisuse.so");
        misuse();
    }
}
JAVA

cd "$work"
if JAVA_HOME=$java_home mvn -B -q verify -Dtest=JniMisuseSelfTest > build.log 2>&1; then
  echo "jni-check-selftest: FAILED, the build passed despite a JNI warning"; exit 1
fi
if ! grep -q "check-jni-warnings: JNI warnings found" build.log; then
  tail -40 build.log; echo "jni-check-selftest: FAILED, the build failed for another reason (above)"; exit 1
fi
if ! grep -qs "WARNING in native method" target/jvm-logs/vm-*.log; then
  echo "jni-check-selftest: FAILED, the warning is not in target/jvm-logs (-XX:LogFile broken?)"; exit 1
fi
echo "jni-check-selftest: OK, the build failed on the JNI warning, which target/jvm-logs recorded"
