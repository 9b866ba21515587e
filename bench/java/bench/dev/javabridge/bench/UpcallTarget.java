package dev.javabridge.bench;

/** What the C harness (bench/native/upcall_bench.c) calls: the cheapest possible Java method. */
public final class UpcallTarget {
    private UpcallTarget() {}

    public static int add(int a, int b) {
        return a + b;
    }
}
