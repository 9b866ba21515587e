package dev.javabridge;

import java.util.ArrayList;
import java.util.List;

/**
 * A C format string split into segments of at most one conversion each, with
 * every argument checked against the conversion that will read it. What C
 * cannot do safely ({@code %n}, {@code *}, unknown conversions, mismatched
 * types, flags or a precision whose meaning C leaves undefined) is refused
 * here, before anything reaches C.
 */
final class CFormat {
    /** Argument kinds, numbered as {@code format_arg_kind} in cpp/core/format_spec.h. */
    static final int NONE = 0;
    static final int INT = 1;
    static final int UINT = 2;
    static final int LONG = 3;
    static final int ULONG = 4;
    static final int DOUBLE = 5;
    static final int STRING = 6;
    /** Mirrors FORMAT_MAX_FIELD: the widest width or precision accepted. */
    static final int MAX_FIELD = 4096;

    /** One call of snprintf: a format piece and the single argument it reads. */
    record Segment(String spec, int kind, Object argument) {}

    private CFormat() {}

    static List<Segment> parse(String format, Object[] args) {
        if (format.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("format contains a NUL character");
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        int argIndex = 0;
        int i = 0;
        while (i < format.length()) {
            if (format.charAt(i++) != '%') {
                continue;
            }
            if (i < format.length() && format.charAt(i) == '%') {
                i++;
                continue;
            }
            int convStart = i - 1;
            while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            String flags = format.substring(convStart + 1, i);
            i = field(format, i, convStart);
            boolean precision = i < format.length() && format.charAt(i) == '.';
            if (precision) {
                i = field(format, i + 1, convStart);
            }
            int length = 0;
            while (i < format.length() && format.charAt(i) == 'l' && length < 2) {
                length++;
                i++;
            }
            if (i >= format.length()) {
                throw new IllegalArgumentException("format ends inside the conversion at index " + convStart);
            }
            char conv = format.charAt(i++);
            String spec = format.substring(convStart, i);
            checkUndefined(conv, flags, precision, spec);
            if (argIndex >= args.length) {
                throw new IllegalArgumentException("format has more conversions than the " + args.length
                        + " arguments given (at " + spec + ")");
            }
            Object arg = args[argIndex++];
            int kind = kindFor(conv, length, spec, arg);
            segments.add(new Segment(format.substring(start, i), kind, arg));
            start = i;
        }
        if (argIndex != args.length) {
            throw new IllegalArgumentException("format has " + argIndex + " conversions but " + args.length
                    + " arguments were given");
        }
        if (start < format.length() || segments.isEmpty()) {
            segments.add(new Segment(format.substring(start), NONE, null));
        }
        return segments;
    }

    private static int field(String format, int i, int convStart) {
        int value = 0;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
            value = value * 10 + (format.charAt(i++) - '0');
            if (value > MAX_FIELD) {
                throw new IllegalArgumentException("width or precision above " + MAX_FIELD
                        + " in the conversion at index " + convStart);
            }
        }
        if (i < format.length() && format.charAt(i) == '*') {
            throw new IllegalArgumentException("'*' widths are not supported (conversion at index " + convStart + ")");
        }
        return i;
    }

    /** C11 7.21.6.1 leaves these combinations undefined; glibc ignores them, other C libraries need not. */
    private static void checkUndefined(char conv, String flags, boolean precision, String spec) {
        if (flags.indexOf('#') >= 0 && "diucs".indexOf(conv) >= 0) {
            throw new IllegalArgumentException("the '#' flag is undefined in C for %" + conv + " (in " + spec + ")");
        }
        if (flags.indexOf('0') >= 0 && "cs".indexOf(conv) >= 0) {
            throw new IllegalArgumentException("the '0' flag is undefined in C for %" + conv + " (in " + spec + ")");
        }
        if (precision && conv == 'c') {
            throw new IllegalArgumentException("a precision is undefined in C for %c (in " + spec + ")");
        }
    }

    private static int kindFor(char conv, int length, String spec, Object arg) {
        switch (conv) {
            case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
                boolean unsigned = conv != 'd' && conv != 'i';
                if (length == 0) {
                    if (arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
                        return unsigned ? UINT : INT;
                    }
                    throw mismatch(spec, "an Integer (use %l" + conv + " for a Long)", arg);
                }
                if (arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
                    return unsigned ? ULONG : LONG;
                }
                throw mismatch(spec, "a Long or Integer", arg);
            }
            case 'c':
                if (length == 0 && arg instanceof Character && (Character) arg > 0 && (Character) arg < 0x80) {
                    return INT;
                }
                throw mismatch(spec, "an ASCII Character other than NUL", arg);
            case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
                if (length <= 1 && (arg instanceof Double || arg instanceof Float)) {
                    return DOUBLE;
                }
                throw mismatch(spec, "a Double or Float", arg);
            case 's':
                if (length == 0 && arg instanceof CharSequence) {
                    return STRING;
                }
                throw mismatch(spec, "a String", arg);
            case 'n':
                throw new IllegalArgumentException("%n writes through a pointer and is refused");
            default:
                throw new IllegalArgumentException("unsupported conversion " + spec);
        }
    }

    private static IllegalArgumentException mismatch(String spec, String expected, Object arg) {
        return new IllegalArgumentException(spec + " expects " + expected + " but got "
                + (arg == null ? "null" : arg.getClass().getSimpleName()));
    }
}
