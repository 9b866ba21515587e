package dev.javabridge.sanitize;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The canary of scripts/ci-jazzer.sh: a native memory error that only fuzzing reaches (an input
 * starting with 'A'), in a library built with the project's sanitizer flags
 * (cpp/sanitize/sanitizer_canary.c, JB_SANITIZER_CANARY names it). The step fails unless Jazzer's
 * run ends with AddressSanitizer's report, which proves a memory error in the natives under
 * fuzzing is seen rather than read silently.
 */
@EnabledIfEnvironmentVariable(named = "JB_SANITIZER_CANARY", matches = ".+")
class AsanCanaryFuzzTest {
    private static boolean loaded;

    @FuzzTest(maxDuration = "60s")
    void outOfBoundsReadIsReported(byte[] data) {
        if (!loaded) {
            System.load(System.getenv("JB_SANITIZER_CANARY"));
            loaded = true;
        }
        if (data.length > 0 && data[0] == 'A') {
            SanitizerCanary.readPastEnd();
        }
    }
}
