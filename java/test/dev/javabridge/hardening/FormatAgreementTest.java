package dev.javabridge.hardening;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.javabridge.LibC;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Java's format check (CFormat) and C's (format_spec_check) must agree: Java is
 * the one that explains, C the one that protects memory. Random formats from
 * printf's alphabet go through LibC.format with each kind of argument; a
 * segment Java accepts but C refuses, or reads as another kind, is a finding.
 */
class FormatAgreementTest {
    private static final String ALPHABET = "%%%%%-+ #0123456789.llldiuoxXcfFeEgGaAsnhLjzt*'$ab";
    private static final Object[] ARGUMENTS = {7, -7L, 2.5, "text", 'c', (short) 3, 1.5f, (byte) 1};

    @Test
    void javaAndCAgreeOnEveryRandomFormat() {
        Random random = new Random(6);
        int accepted = 0;
        int calls = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder f = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int k = 0; k < length; k++) {
                f.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String format = f.toString();
            for (Object arg : ARGUMENTS) {
                calls++;
                try {
                    LibC.format(format, arg);
                    accepted++;
                } catch (IllegalArgumentException e) {
                    String m = String.valueOf(e.getMessage());
                    if (m.contains("refused by C") || m.contains("caller passed")) {
                        fail("Java accepted but C refused " + format + " with " + arg.getClass().getSimpleName()
                                + ": " + m);
                    }
                }
            }
        }
        System.out.println("format agreement: " + calls + " calls, " + accepted + " formatted");
        assertTrue(accepted > 1_000, "too few formats were accepted to mean anything: " + accepted);
    }
}
