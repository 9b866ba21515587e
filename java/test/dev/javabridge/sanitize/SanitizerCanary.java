package dev.javabridge.sanitize;

/**
 * Runs one of the sanitizer canaries (cpp/sanitize/sanitizer_canary.c): {@code main(LIBRARY, oob|leak)}.
 * Not a test: scripts/ci-sanitize.sh runs it and fails unless the sanitizer reports the error.
 */
public final class SanitizerCanary {
    private SanitizerCanary() {}

    static native int readPastEnd();

    static native void leak();

    public static void main(String[] args) {
        System.load(args[0]);
        if (args[1].equals("oob")) {
            System.out.println("SanitizerCanary: read past the end gave " + readPastEnd() + ", NOT REPORTED");
        } else {
            leak();
            System.out.println("SanitizerCanary: leaked 48 bytes");
        }
    }
}
