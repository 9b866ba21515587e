package dev.javabridge.gen.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the generator does beyond math_ops and zlib, tested through the real C library shapes.c. */
class ShapesBindingTest {
    @Test
    void nestedStructsComeBackByValue() {
        Shape s = Shapes.shapeMake(Shapes.SHAPE_CIRCLE, new Vec2(1.5f, -2.25f), 2.0);
        assertEquals(Shapes.SHAPE_CIRCLE, s.kind());
        assertEquals(0xA5, s.flags());
        assertEquals(new Vec2(1.5f, -2.25f), s.center());
        assertEquals(2.0, s.size());
        Shape t = Shapes.shapeMake(Shapes.SHAPE_SQUARE, new Vec2(0, 0), 3.0);
        assertEquals(s.id() + 1, t.id());
        assertEquals(Math.PI * 4, Shapes.shapeArea(s), 1e-12);
        assertEquals(9.0, Shapes.shapeArea(t));
        assertEquals(-1.0, Shapes.shapeArea(new Shape(77, 0, new Vec2(0, 0), 1, 0)));
    }

    @Test
    void structOutParametersAndStatus() {
        Shape s = new Shape(Shapes.SHAPE_SQUARE, 7, new Vec2(1, 2), 3, 99);
        assertEquals(new Shape(Shapes.SHAPE_SQUARE, 7, new Vec2(1, 2), 7.5, 99), Shapes.shapeScale(s, 2.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shapes.shapeScale(s, -1));
        assertEquals("shape_scale: SHAPES_ERR_RANGE (-1): out of range", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Shape(1, 256, new Vec2(0, 0), 0, 0), "uint8_t flags");
    }

    @Test
    void structArraysGoInAndComeOut() {
        Shape[] in = new Shape[100];
        for (int i = 0; i < in.length; i++) {
            in[i] = new Shape(i % 2 + 1, i, new Vec2(i, -i), i * 0.5, i * 1_000_000_007L);
        }
        Shape[] out = Shapes.shapesTranslate(in, new Vec2(10, 20));
        assertEquals(in.length, out.length);
        for (int i = 0; i < in.length; i++) {
            assertEquals(new Shape(in[i].kind(), in[i].flags(), new Vec2(i + 10f, -i + 20f), in[i].size(), in[i].id()), out[i]);
        }
        assertEquals(0, Shapes.shapesTranslate(new Shape[0], new Vec2(1, 1)).length);
        assertThrows(NullPointerException.class, () -> Shapes.shapesTranslate(new Shape[] {null}, new Vec2(1, 1)));
    }

    @Test
    void stringsCrossAsRealUtf8() {
        assertEquals("hello, w\u00f6rld \uD83C\uDF0D!", Shapes.shapesGreet("w\u00f6rld \uD83C\uDF0D"));
        assertEquals("sh\u00e4pes \uD83D\uDD37", Shapes.shapesMotto());
        String emoji = "\uD83D\uDE00";
        assertEquals(emoji.getBytes(StandardCharsets.UTF_8).length, Shapes.shapesByteLength(emoji));
        assertThrows(IllegalArgumentException.class, () -> Shapes.shapesByteLength("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> Shapes.shapesByteLength("\uD800"));
        assertThrows(NullPointerException.class, () -> Shapes.shapesGreet(null));
    }

    @Test
    void ownedStringsAreFreedAfterTheCopy() {
        int before = Shapes.shapesLiveStrings();
        String name = "x".repeat(1000);
        for (int i = 0; i < 1000; i++) {
            assertEquals(1008, Shapes.shapesGreet(name).length());
        }
        assertEquals(before, Shapes.shapesLiveStrings());
    }

    @Test
    void unsignedAndBooleanScalars() {
        assertEquals(6, Shapes.shapesSum3(1, 2, 3));
        assertTrue(Shapes.shapesIsEven(-4));
        assertFalse(Shapes.shapesIsEven(7));
        assertEquals(0xFFFFL * 65536 + 0xFFFF * 256 + 0xFF & 0xFFFFFFFFL, Shapes.shapesMix(0xFFFF, 0xFFFF, 0xFF));
        assertEquals(((0xFFFFFFFFL * 65536) + 3 * 256 + 4) & 0xFFFFFFFFL, Shapes.shapesMix(0xFFFFFFFFL, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> Shapes.shapesMix(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Shapes.shapesMix(0x1_0000_0000L, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Shapes.shapesMix(0, 65536, 0));
        assertThrows(IllegalArgumentException.class, () -> Shapes.shapesMix(0, 0, 256));
    }

    @Test
    void sixtyFourBitOutParameters() {
        byte[] data = new byte[1000];
        long sum = 0;
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
            sum += data[i] & 0xFF;
        }
        assertEquals(sum * 0x100000001L, Shapes.shapesChecksum(data));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shapes.shapesChecksum(new byte[0]));
        assertTrue(e.getMessage().contains("SHAPES_ERR_EMPTY"));
    }

    @Test
    void mutableBuffersWithInOutLengths() {
        byte[] buf = new byte[32];
        int n = Shapes.shapesName(buf);
        assertEquals("counter", new String(buf, 0, n, StandardCharsets.US_ASCII));
        assertEquals(0, buf[n]);
        byte[] small = new byte[4];
        assertEquals(3, Shapes.shapesName(small));
        assertArrayEquals(new byte[] {'c', 'o', 'u', 0}, small);
    }

    @Test
    void ownedHandlesAreFreedOnceOnClose() {
        int before = Shapes.counterLive();
        Counter c = Shapes.counterNew(40);
        assertTrue(c.owned());
        assertEquals(before + 1, Shapes.counterLive());
        assertEquals(42, Shapes.counterAdd(c, 2));
        assertEquals(42, Shapes.counterGet(c));
        c.close();
        c.close();
        assertFalse(c.isOpen());
        assertEquals(before, Shapes.counterLive());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Shapes.counterAdd(c, 1));
        assertEquals("Counter is closed", e.getMessage());
        assertThrows(NullPointerException.class, () -> Shapes.counterGet(null));
        try (Counter d = Shapes.counterNew(-5)) {
            assertNotEquals(c, d);
            assertEquals(-5, Shapes.counterGet(d));
        }
        assertEquals(before, Shapes.counterLive());
    }

    @Test
    void aForgottenOwnedHandleIsFreedByTheCleaner() throws InterruptedException {
        int before = Shapes.counterLive();
        for (int i = 0; i < 100; i++) {
            Shapes.counterNew(i);
        }
        for (int i = 0; i < 100 && Shapes.counterLive() != before; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(before, Shapes.counterLive());
    }

    @Test
    void layoutConstantsAreWhatCUses() {
        assertEquals(32, Shape.SIZE);
        assertEquals(8, Shape.OFFSET_CENTER);
        assertEquals(16, Shape.OFFSET_SIZE);
        assertEquals(8, Vec2.SIZE);
        assertEquals(4, Vec2.ALIGN);
    }

    @Test
    void errnoLeftByTheCallIsReportedInTheException() throws Exception {
        java.nio.file.Path missing = java.nio.file.Path.of("target", "no-such-dir", "no-such-file");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Shapes.shapesFileSize(missing.toString()));
        // fopen's ENOENT (2 on every platform javabridge builds for), value and the C library's text (in the C
        // locale the JVM took from the environment: English unless LANG says otherwise).
        assertOsError("shapes_file_size: status -3: cannot read the file; errno 2 (", "No such file or directory", e.getMessage());
        // A failure that set no errno says none, although the thread's previous call left one.
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Shapes.shapesFileSize(""));
        assertEquals("shapes_file_size: SHAPES_ERR_EMPTY (-2): no data", empty.getMessage());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("shapes-errno", ".bin");
        try {
            java.nio.file.Files.write(file, new byte[1234]);
            assertEquals(1234, Shapes.shapesFileSize(file.toString()));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void errnoWithoutAStatusThrowsWhenTheCallSetIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Shapes.shapesParseInt("99999999999999999999"));
        assertOsError("shapes_parse_int: errno 34 (", "Numerical result out of range", e.getMessage());
        // errno is cleared before each call: strtoll's success is not blamed for the ERANGE before it.
        assertEquals(-42, Shapes.shapesParseInt("-42"));
        assertEquals(Long.MAX_VALUE, Shapes.shapesParseInt(Long.toString(Long.MAX_VALUE)));
    }

    @Test
    void aLongIsRangeCheckedInCAgainstTheTargetsWidth() {
        // Generated for the host's 64-bit long, compiled with a 32-bit one (as on Windows): still right.
        assertEquals(42, Shapes.shapesNextLong(41));
        assertEquals(Integer.MIN_VALUE + 1, Shapes.shapesNextLong(Integer.MIN_VALUE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shapes.shapesNextLong(1L << 40));
        assertEquals("v = 1099511627776 does not fit C's shapes_long (32 bits here)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shapes.shapesNextLong(Integer.MAX_VALUE + 1L));
    }

    @Test
    void staticInlineFunctionsOfTheHeaderAreBound() throws Exception {
        assertEquals(5, Shapes.shapesClamp(9, 0, 5));
        assertEquals(-3, Shapes.shapesClamp(-7, -3, 3));
        assertEquals(1, Shapes.shapesClamp(1, -3, 3));
        // It has no symbol in the C library: the glue compiled its own copy from the header.
        assertEquals(1, java.util.Arrays.stream(ShapesNative.class.getDeclaredMethods()).filter(m -> m.getName().equals("shapesClamp")).count());
    }

    @Test
    void fixedSizeArrayMembersCrossElementByElement() {
        byte[] label = "ab-z\0q".getBytes(StandardCharsets.US_ASCII);
        Sample s = new Sample(new int[] {1, 2, 255}, new int[] {-10, 20, Integer.MAX_VALUE, Integer.MIN_VALUE}, 0.5, label);
        assertEquals((long) ((1 + 2 + 255 - 10 + 20 + (double) Integer.MAX_VALUE + Integer.MIN_VALUE) * 0.5), Shapes.sampleSum(s));
        Sample r = Shapes.sampleReverse(s);
        assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 20, -10}, r.values());
        assertArrayEquals(new int[] {2, 3, 0}, r.tag(), "uint8_t elements wrap as C's do, and come back unsigned");
        assertArrayEquals("AB-Z\0Q".getBytes(StandardCharsets.US_ASCII), r.label());
        assertEquals(0.5, r.weight());
        // A record with arrays is still a value: equal by elements, and its arrays are its own.
        assertEquals(s, new Sample(new int[] {1, 2, 255}, s.values(), 0.5, label.clone()));
        assertEquals(s.hashCode(), new Sample(s.tag(), s.values(), 0.5, label).hashCode());
        assertNotEquals(s, r);
        label[0] = 'X';
        s.values()[0] = 99;
        assertEquals('a', s.label()[0]);
        assertEquals(-10, s.values()[0]);
        assertTrue(s.toString().contains("values=[-10, 20, "), s.toString());
        assertEquals(40, Sample.SIZE, "tag[3] and a byte of padding, values[4], weight, label[6] and padding to 8");
        // Nested in another struct, by value.
        Batch b = new Batch(new int[] {7, 65535}, s);
        assertEquals(7 * 1000 + 65535 + Shapes.sampleSum(s), Shapes.batchTotal(b));
    }

    @Test
    void fixedSizeArrayMembersAreCheckedLikeScalars() {
        byte[] label = new byte[6];
        assertThrows(IllegalArgumentException.class, () -> new Sample(new int[2], new int[4], 1, label), "tag has 3 elements");
        assertThrows(IllegalArgumentException.class, () -> new Sample(new int[] {0, 256, 0}, new int[4], 1, label), "uint8_t range");
        assertThrows(IllegalArgumentException.class, () -> new Sample(new int[] {0, -1, 0}, new int[4], 1, label), "uint8_t range");
        assertThrows(NullPointerException.class, () -> new Sample(new int[3], null, 1, label));
        assertThrows(IllegalArgumentException.class, () -> new Batch(new int[] {0, 65536}, new Sample(new int[3], new int[4], 1, label)));
    }

    /** message is prefix, the C library's text and ")"; the text is checked exactly where the C locale is English. */
    private static void assertOsError(String prefix, String english, String message) {
        assertTrue(message.startsWith(prefix) && message.endsWith(")") && message.length() > prefix.length() + 1, message);
        String lang = System.getenv().getOrDefault("LC_ALL", System.getenv().getOrDefault("LC_MESSAGES", System.getenv("LANG")));
        if (lang == null || lang.isEmpty() || lang.startsWith("C") || lang.startsWith("POSIX") || lang.startsWith("en")) {
            assertEquals(prefix + english + ")", message);
        }
    }
}
