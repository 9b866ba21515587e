package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LibCStrlenTest {
    @ParameterizedTest(name = "strlen({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "''|0",
        "hello|5",
        "h\u00e9llo|6",                  // é is 2 bytes
        "\u20ac|3",                      // € is 3 bytes
        "\uD83D\uDE00|4",                // 😀, one code point, two Java chars, four bytes
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67|18", // family emoji: 3 x 4 bytes + 2 ZWJ x 3 bytes
        "a\uD83D\uDE00b|6",
    })
    void countsUtf8Bytes(String text, long expected) {
        assertEquals(expected, LibC.strlen(text));
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, LibC.strlen(text));
    }

    @Test
    void anEmbeddedNulEndsTheCString() {
        assertEquals(2, LibC.strlen("ab\0cd"));
        assertEquals(0, LibC.strlen("\0"));
        assertEquals(0, LibC.strlen("\0after"));
        assertEquals(4, LibC.strlen("\uD83D\uDE00\0\uD83D\uDE00"));
    }

    @Test
    void nulIsOneByteNotJnisModifiedUtf8TwoBytes() {
        // Modified UTF-8 would encode U+0000 as C0 80 and hide the NUL from C.
        assertEquals(1, LibC.strlen("x\0y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "\uDE00", "a\uD83Db", "\uDE00\uD83D", "ok\uDBFF"})
    void loneSurrogatesAreRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LibC.strlen(text));
        assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
    }

    @Test
    void nullIsRefused() {
        assertThrows(NullPointerException.class, () -> LibC.strlen(null));
    }

    @Test
    void longStringsAndRandomTextAgreeWithJavasEncoder() {
        assertEquals(1 << 20, LibC.strlen("x".repeat(1 << 20)));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int j = 0; j < n; j++) {
                int cp;
                do {
                    cp = 1 + random.nextInt(0x10FFFF);
                } while (cp >= 0xD800 && cp <= 0xDFFF);
                sb.appendCodePoint(cp);
            }
            String s = sb.toString();
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, LibC.strlen(s), s);
        }
    }
}
