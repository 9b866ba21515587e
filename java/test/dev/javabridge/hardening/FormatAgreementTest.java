package dev.javabridge.hardening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Java's format check (CFormat) and C's (format_spec_check) must agree: Java is
 * the one that explains, C the one that protects memory. Random formats from
 * printf's alphabet go through LibC.format with each kind of argument; a
 * segment Java accepts but C refuses, or reads as another kind, is a finding, and so is output
 * that differs from Java's String.format where both define it (FormatOracle). The Jazzer
 * LibCFormatFuzzTest applies the same oracle to fuzzed formats and arguments.
 */
class FormatAgreementTest {
    private static final String ALPHABET = "%%%%%-+ #0123456789.llldiuoxXcfFeEgGaAsnhLjzt*'$ab";
    private static final Object[] ARGUMENTS = {7, -7L, 2.5, "text", 'c', (short) 3, 1.5f, (byte) 1};

    @Test
    void javaAndCAgreeOnEveryRandomFormat() {
        Random random = new Random(6);
        int accepted = 0;
        int calls = 0;
        int compared = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder f = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int k = 0; k < length; k++) {
                f.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String format = f.toString();
            for (Object arg : ARGUMENTS) {
                calls++;
                if (FormatOracle.check(format, arg)) {
                    accepted++;
                    if (FormatOracle.javaOutput(format, arg) != null) {
                        compared++;
                    }
                }
            }
        }
        System.out.println("format agreement: " + calls + " calls, " + accepted + " formatted, " + compared
                + " compared with String.format");
        assertTrue(accepted > 1_000, "too few formats were accepted to mean anything: " + accepted);
        assertTrue(compared > 200, "too few outputs were compared with Java's to mean anything: " + compared);
    }
}
