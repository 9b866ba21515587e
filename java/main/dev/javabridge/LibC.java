package dev.javabridge;

import java.util.Objects;

/**
 * The C library's {@code strlen} and {@code snprintf}, called on real UTF-8.
 *
 * <p>Java strings are encoded as standard UTF-8 (not JNI's modified UTF-8)
 * before they reach C, so a supplementary character such as an emoji is four
 * bytes, as in any C program. C strings end at the first NUL byte: an embedded
 * {@code '\0'} ends the string as C sees it.
 */
public final class LibC {
    private LibC() {}

    /**
     * The C {@code strlen} of {@code text} encoded as UTF-8: its length in bytes
     * up to the first NUL character.
     *
     * @param text the string
     * @return the number of UTF-8 bytes before the first NUL
     * @throws NullPointerException if text is null
     * @throws IllegalArgumentException if text holds a lone surrogate, which has no UTF-8 form
     */
    public static long strlen(String text) {
        Objects.requireNonNull(text, "text");
        return LibCNative.strlen(Utf8.encode(text, "text"));
    }

    /**
     * Formats like C's {@code snprintf}, with the format checked in Java first.
     *
     * <p>Supported: flags {@code -+ #0}, a width and a precision of at most 4096,
     * and the conversions {@code d i u o x X} (Integer, Short or Byte; with
     * {@code l} or {@code ll}, also Long), {@code c} (an ASCII Character),
     * {@code f F e E g G a A} (Double or Float), {@code s} (a String, cut at its
     * first NUL as C would) and {@code %%}. Width and precision on {@code %s}
     * count bytes, as in C. Numbers are always formatted in the C locale (a
     * {@code '.'} decimal point), whatever locale the environment gives the JVM,
     * so the result is the same on every machine.
     *
     * @param format a C format string
     * @param args one argument per conversion
     * @return the formatted text
     * @throws NullPointerException if format or args is null
     * @throws IllegalArgumentException for {@code %n}, {@code *}, an unknown
     *     conversion, a flag or precision that C leaves undefined for its
     *     conversion ({@code #} on {@code d i u c s}, {@code 0} on {@code c s}, a
     *     precision on {@code c}), an argument whose type does not match its conversion, a
     *     count of arguments that differs from the conversions, or a result that
     *     is not valid UTF-8 (a {@code %.Ns} precision that cuts a character)
     */
    public static String format(String format, Object... args) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(args, "args");
        StringBuilder out = new StringBuilder();
        for (CFormat.Segment s : CFormat.parse(format, args)) {
            byte[] spec = Utf8.encode(s.spec(), "format");
            long integer = 0;
            double real = 0;
            byte[] text = null;
            Object arg = s.argument();
            if (s.kind() == CFormat.DOUBLE) {
                real = ((Number) arg).doubleValue();
            } else if (s.kind() == CFormat.STRING) {
                text = Utf8.encode((CharSequence) arg, "string argument");
            } else if (arg instanceof Character) {
                integer = (Character) arg;
            } else if (arg != null) {
                integer = ((Number) arg).longValue();
            }
            out.append(Utf8.decode(LibCNative.format(spec, s.kind(), integer, real, text), "snprintf output"));
        }
        return out.toString();
    }
}
