package dev.javabridge.gen.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strings by argument, as strict UTF-8 with a NUL: the same results and exceptions on JNI (JDK 17) and FFM (JDK 25). */
class TextsBindingTest {
    @Test
    void lengthsAreUtf8Bytes() {
        assertEquals(0, Texts.textsLength(""));
        assertEquals(5, Texts.textsLength("hello"));
        assertEquals("héllo 😀".getBytes(StandardCharsets.UTF_8).length, Texts.textsLength("héllo 😀"));
        String big = "x".repeat(100_000);
        assertEquals(100_000, Texts.textsLength(big));
    }

    @Test
    void bytesAreCounted() {
        assertEquals(3, Texts.textsCount("banana", (byte) 'a'));
        assertEquals(0, Texts.textsCount("banana", (byte) 'z'));
        // The two bytes of é are 0xC3 0xA9: C sees UTF-8, not UTF-16.
        assertEquals(2, Texts.textsCount("éé", (byte) 0xC3));
    }

    @Test
    void aStatusFunctionWithAStringReturnsItsOutValueOrThrows() {
        assertEquals('J', Texts.textsFirst("Java"));
        assertEquals(0xC3, Texts.textsFirst("é"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Texts.textsFirst(""));
        assertTrue(e.getMessage().contains("TEXTS_ERR_EMPTY (-1): the string is empty"), e.getMessage());
    }

    @Test
    void badStringsAreRefusedBeforeC() {
        assertThrows(NullPointerException.class, () -> Texts.textsLength(null));
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> Texts.textsLength("a\0b"));
        assertTrue(nul.getMessage().contains("NUL"), nul.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Texts.textsLength("\uD800"));
    }

    @Test
    void aStringCReturnsIsCopiedAsTheGlueCopiesIt() {
        assertEquals("h\u00e9llo \uD83D\uDE00", Texts.textsSample(0));
        assertEquals("", Texts.textsSample(1));
        assertEquals(null, Texts.textsSample(2));
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> Texts.textsSample(3));
        assertTrue(bad.getMessage().contains("texts_sample returned a string that is not valid UTF-8"), bad.getMessage());
        for (int i = 0; i < 1000; i++) {
            assertEquals(8, Texts.textsSample(0).length()); // h é l l o, a space and the surrogate pair
        }
    }

    @Test
    void errnoIsTheCallsOwnOnBothPaths(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("seven.txt");
        java.nio.file.Files.write(file, "1234567".getBytes(StandardCharsets.UTF_8));
        assertEquals(7, Texts.textsFileBytes(file.toString()));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Texts.textsFileBytes(dir.resolve("none").toString()));
        assertTrue(missing.getMessage().endsWith("; errno 2 (No such file or directory)"), missing.getMessage());
        // A failure that sets no errno reports none, even right after one that did: errno is cleared before the call.
        IllegalStateException quiet = assertThrows(IllegalStateException.class, () -> Texts.textsFileBytes("!x"));
        assertTrue(quiet.getMessage().contains("TEXTS_ERR_IO (-2): cannot read the file"), quiet.getMessage());
        assertTrue(!quiet.getMessage().contains("errno"), quiet.getMessage());
    }
}
