package dev.javabridge.loadtest;

/** A class only a jb_loader can see whose native method the host provides (jb_register_natives). */
public final class Twice {
    private Twice() {}

    public static native int twice(int a);

    public static int callTwice(int a) { return twice(a) + 1; }

    /** A result type only this class's loader knows. */
    public static native Twice same(Twice t);

    public static boolean callSame() {
        Twice t = new Twice();
        return same(t) == t;
    }
}
