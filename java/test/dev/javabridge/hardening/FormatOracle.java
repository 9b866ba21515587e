package dev.javabridge.hardening;

import dev.javabridge.LibC;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The oracle for LibC.format shared by FormatAgreementTest and the Jazzer LibCFormatFuzzTest.
 * A call is a finding (AssertionError) when Java's check accepts what C then refuses or reads as
 * another kind, when C returns null, or when C's output differs from Java's String.format where
 * both languages define the same output: literal text, %%, and %d %x %X %o %s %f with the flags
 * "-+ 0", widths and precisions Java accepts, over int, ASCII String and integral double arguments.
 * Elsewhere the languages differ on purpose (Java rounds half up on the shortest decimal, C on the
 * exact binary value; C widens short to int; NaN is "nan" in C; '#' with 0), so only the first
 * two checks apply.
 */
final class FormatOracle {
    private static final Pattern COMPARABLE =
            Pattern.compile("([^%\\p{Cs}\\x00]|%%|%[-+ 0]*[0-9]{0,3}(\\.[0-9]{1,3})?[dxXosf])*");

    private FormatOracle() {}

    /** Formats with C and checks the result; returns true when C formatted it. */
    static boolean check(String format, Object... args) {
        String out;
        try {
            out = LibC.format(format, args);
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("refused by C") || m.contains("caller passed")) {
                throw new AssertionError("Java accepted but C refused " + describe(format, args) + ": " + m, e);
            }
            return false;
        }
        if (out == null) {
            throw new AssertionError("LibC.format returned null for " + describe(format, args));
        }
        String java = javaOutput(format, args);
        if (java != null && !java.equals(out)) {
            throw new AssertionError("C printed \"" + out + "\" where Java prints \"" + java + "\" for "
                    + describe(format, args));
        }
        return true;
    }

    /** Java's output where it must equal C's, or null where the languages differ or Java refuses. */
    static String javaOutput(String format, Object... args) {
        if (!COMPARABLE.matcher(format).matches()) {
            return null;
        }
        for (Object a : args) {
            boolean comparable = a instanceof Integer
                    || a instanceof String s && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                    || a instanceof Double d && Math.rint(d) == d && Math.abs(d) < 1e15;
            if (!comparable) {
                return null;
            }
        }
        try {
            return String.format(Locale.ROOT, format, args);
        } catch (IllegalFormatException javaRefuses) {
            return null;
        }
    }

    private static String describe(String format, Object... args) {
        StringBuilder b = new StringBuilder("\"").append(format.replace("\0", "\\0")).append('"');
        for (Object a : args) {
            b.append(", ").append(a == null ? "null" : a.getClass().getSimpleName() + " " + a);
        }
        return b.toString();
    }
}
