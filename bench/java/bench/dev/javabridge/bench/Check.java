package dev.javabridge.bench;

import java.util.Objects;

/** Setup-time proof that every mechanism computes the same answer, so that no row times a wrong path. */
final class Check {
    private Check() {}

    static void same(Object expected, Object actual, String mechanism) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalStateException(mechanism + " returned " + abbreviate(actual) + ", expected "
                    + abbreviate(expected));
        }
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
