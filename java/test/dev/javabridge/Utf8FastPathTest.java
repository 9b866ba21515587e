package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Utf8's fast paths must give exactly what the strict coders give, and fail where they fail. */
class Utf8FastPathTest {
    private static byte[] strictEncode(String s) throws CharacterCodingException {
        ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
        return Arrays.copyOfRange(b.array(), b.position(), b.limit());
    }

    private static String strictDecode(byte[] b) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    }

    @Test
    void wellFormedStringsEncodeAndDecodeAsTheStrictCoders() throws CharacterCodingException {
        String[] samples = {"", "ascii", "h\u00e9llo", "\u20ac", "\uD83D\uDE00 emoji", "nul\0inside", "\uFFFD real",
            "\uDBFF\uDFFF"};
        for (String s : samples) {
            byte[] expected = strictEncode(s);
            assertArrayEquals(expected, Utf8.encode(s, "s"), s);
            assertEquals(strictDecode(expected), Utf8.decode(expected, "b"), s);
        }
    }

    @Test
    void loneSurrogatesAreRefused() {
        for (String s : new String[] {"\uD83D", "a\uDE00", "\uDE00\uD83D", "x\uD83Dy", "end\uD83D"}) {
            assertFalse(Utf8.pairedSurrogates(s), s);
            assertThrows(IllegalArgumentException.class, () -> Utf8.encode(s, "s"), s);
        }
        assertTrue(Utf8.pairedSurrogates("\uD83D\uDE00"));
    }

    @Test
    void malformedBytesAreRefused() {
        byte[][] bad = {{(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xFF}, {'a', (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        for (byte[] b : bad) {
            assertThrows(IllegalArgumentException.class, () -> Utf8.decode(b, "b"), Arrays.toString(b));
        }
    }

    @Test
    void randomBytesDecodeExactlyWhenTheStrictDecoderDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 20000; i++) {
            byte[] b = new byte[random.nextInt(8)];
            random.nextBytes(b);
            String strict;
            try {
                strict = strictDecode(b);
            } catch (CharacterCodingException e) {
                assertThrows(IllegalArgumentException.class, () -> Utf8.decode(b, "b"), Arrays.toString(b));
                continue;
            }
            assertEquals(strict, Utf8.decode(b, "b"), Arrays.toString(b));
        }
    }

    @Test
    void charSequencesOtherThanStringStillEncodeStrictly() throws CharacterCodingException {
        assertArrayEquals(strictEncode("\uD83D\uDE00"), Utf8.encode(new StringBuilder("\uD83D\uDE00"), "s"));
        assertThrows(IllegalArgumentException.class, () -> Utf8.encode(new StringBuilder("\uD83D"), "s"));
    }
}
