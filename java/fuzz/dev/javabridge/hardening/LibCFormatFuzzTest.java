package dev.javabridge.hardening;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import dev.javabridge.LibC;

/**
 * Jazzer on LibC.format: arbitrary formats and arguments. The Java check and C's
 * format_spec_check stand between the input and snprintf; whatever gets through
 * must format without crashing, and anything refused must be refused with an
 * IllegalArgumentException (or NullPointerException for a null argument).
 */
class LibCFormatFuzzTest {
    private static final AtomicLong EXECUTIONS = new AtomicLong();

    @AfterAll
    static void report() {
        System.out.println("jazzer LibCFormatFuzzTest: " + EXECUTIONS.get() + " executions");
    }

    @FuzzTest(maxDuration = "60s")
    void format(FuzzedDataProvider data) {
        EXECUTIONS.incrementAndGet();
        int count = data.consumeInt(0, 3);
        Object[] args = new Object[count];
        for (int i = 0; i < count; i++) {
            switch (data.consumeInt(0, 7)) {
                case 0: args[i] = data.consumeInt(); break;
                case 1: args[i] = data.consumeLong(); break;
                case 2: args[i] = data.consumeDouble(); break;
                case 3: args[i] = data.consumeString(64); break;
                case 4: args[i] = data.consumeChar(); break;
                case 5: args[i] = (short) data.consumeInt(); break;
                case 6: args[i] = data.consumeFloat(); break;
                default: args[i] = null; break;
            }
        }
        String format = data.consumeRemainingAsString();
        try {
            String out = LibC.format(format, args);
            if (out == null) {
                throw new AssertionError("format returned null for " + format);
            }
        } catch (IllegalArgumentException expected) {
            // Refused format, mismatched argument, or output that is not UTF-8: all documented.
        }
    }
}
