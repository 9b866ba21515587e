package dev.javabridge;

import java.util.function.IntConsumer;

/** The natives behind {@link Callbacks}: C loops that call back into Java. */
final class CallbackNative {
    static {
        NativeLibrary.load();
    }

    private CallbackNative() {}

    static native void forEach(int[] values, IntConsumer consumer);

    static native void sort(int[] values, Callbacks.IntComparator comparator);
}
