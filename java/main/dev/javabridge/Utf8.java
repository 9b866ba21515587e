package dev.javabridge;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict UTF-8 for strings that cross into C: a lone surrogate going out, or a
 * malformed sequence coming back, is an error, never a silent replacement.
 *
 * <p>Well-formed input, by far the common case, takes the JDK's intrinsified
 * {@code String.getBytes} and {@code new String(bytes, UTF_8)}, whose output is
 * then exactly the strict coders'; only input that might be malformed pays for a
 * {@code CharsetEncoder}/{@code CharsetDecoder} (see BENCHMARKS.md: the coders
 * cost 10-100x a small string's crossing).
 *
 * <p>Public so that any binding (bindgen's generated classes, users' own natives on the JNI
 * kit) shares this one codec: pass the bytes to C with their length, not JNI's modified UTF-8.
 * Thread-safe; no state.
 */
public final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {}

    /**
     * The UTF-8 bytes of {@code text} (embedded NUL and characters above U+FFFF included).
     *
     * @param text the characters
     * @param what names the argument in the exception's message
     * @return a new array
     * @throws IllegalArgumentException if {@code text} holds a lone surrogate
     * @throws NullPointerException if {@code text} is null
     */
    public static byte[] encode(CharSequence text, String what) {
        if (text instanceof String && pairedSurrogates((String) text)) {
            return ((String) text).getBytes(StandardCharsets.UTF_8);
        }
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(bytes.array(), bytes.arrayOffset() + bytes.position(),
                    bytes.arrayOffset() + bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid UTF-16 (a lone surrogate?)", e);
        }
    }

    /**
     * The string {@code bytes} encode as UTF-8.
     *
     * @param bytes the UTF-8 bytes
     * @param what names the argument in the exception's message
     * @return the string
     * @throws IllegalArgumentException if {@code bytes} is not well-formed UTF-8
     * @throws NullPointerException if {@code bytes} is null
     */
    public static String decode(byte[] bytes, String what) {
        // The lenient decoder turns every malformed sequence into U+FFFD: without one, the input was valid.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf(REPLACEMENT) < 0) {
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid UTF-8", e);
        }
    }

    /**
     * True when every surrogate in s is half of a high-low pair, so that s has an exact UTF-8 form.
     *
     * @param s the string to check
     * @return whether it has no lone surrogate
     */
    public static boolean pairedSurrogates(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
