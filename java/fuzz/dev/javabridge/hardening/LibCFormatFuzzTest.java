package dev.javabridge.hardening;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/**
 * Jazzer on LibC.format: arbitrary formats and arguments. The Java check and C's
 * format_spec_check stand between the input and snprintf; whatever gets through
 * must format without crashing. FormatAgreementTest's oracle (FormatOracle) judges each call:
 * a refusal must come from Java's check with an IllegalArgumentException (C refusing what Java
 * accepted is a finding), and the output must equal Java's String.format where both define it.
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
        FormatOracle.check(format, args);
    }
}
