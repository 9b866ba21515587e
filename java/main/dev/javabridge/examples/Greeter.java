package dev.javabridge.examples;

import java.nio.charset.StandardCharsets;

/**
 * A small Java class that the C example ({@code examples/c/javabridge_example.c}) calls through
 * libjavabridge: a constructor, instance and static methods, and one that throws.
 */
public final class Greeter {
    private final String greeting;

    /**
     * A greeter that says greeting.
     *
     * @param greeting the word to greet with, for example "Hello"
     * @throws IllegalArgumentException if greeting is null or empty
     */
    public Greeter(String greeting) {
        if (greeting == null || greeting.isEmpty()) {
            throw new IllegalArgumentException("greeting must not be empty");
        }
        this.greeting = greeting;
    }

    /**
     * Greets someone.
     *
     * @param name who to greet
     * @return "greeting, name!"
     */
    public String greet(String name) {
        return greeting + ", " + name + "!";
    }

    /**
     * Counts code points.
     *
     * @param text any string
     * @return the number of Unicode code points in text (an emoji is one)
     */
    public static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * A Fibonacci number.
     *
     * @param n the index, 0..92
     * @return the n-th Fibonacci number, exactly
     * @throws IllegalArgumentException if n is outside 0..92, where a long cannot hold the result
     */
    public static long fibonacci(int n) {
        if (n < 0 || n > 92) {
            throw new IllegalArgumentException("n must be in [0, 92] for a long result, got " + n);
        }
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++) {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * Upper-cases UTF-8 text.
     *
     * @param utf8 text in UTF-8
     * @return the bytes of the text in UTF-8, upper-cased
     */
    public static byte[] shout(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8).toUpperCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.UTF_8);
    }
}
