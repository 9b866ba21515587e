package dev.javabridge;

/**
 * javabridge's native library could not be loaded. The message says what was
 * tried and what to do; the cause, when there is one, carries the operating
 * system's own error (for example the {@code dlopen} reason).
 */
public final class NativeLoadError extends UnsatisfiedLinkError {
    private static final long serialVersionUID = 1L;

    NativeLoadError(String message, Throwable cause) {
        super(message);
        if (cause != null) {
            initCause(cause);
        }
    }
}
