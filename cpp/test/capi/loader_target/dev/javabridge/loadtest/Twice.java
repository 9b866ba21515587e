package dev.javabridge.loadtest;

/** A class only a jb_loader can see whose native method the host provides (jb_register_natives). */
public final class Twice {
    private Twice() {}

    public static native int twice(int a);

    public static int callTwice(int a) { return twice(a) + 1; }
}
