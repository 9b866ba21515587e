package dev.javabridge.gen.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Struct members that point to elements counted by another member (shapes.h's series, config structs.series.members),
 * through the real glue and shapes.c: arrays in the record, pinned on the way in, copied on the way out.
 */
class PointerMembersBindingTest {
    private static final int[] STATIC_VALUES = {1, -2, 3, 40000, 5};
    private static final double[] STATIC_SAMPLES = {0.5, 1.25, -3.0};
    private static final byte[] STATIC_DATA = {1, (byte) 0xFF, (byte) 0x80};

    private static long unsignedSum(byte[] data) {
        long total = 0;
        for (byte b : data) {
            total += b & 0xFF;
        }
        return total;
    }

    @Test
    void elementsReachCThroughTheirPointersWithTheirCounts() {
        Random random = new Random(16);
        for (int round = 0; round < 20; round++) {
            int[] values = random.ints(random.nextInt(5000), Integer.MIN_VALUE, Integer.MAX_VALUE).toArray();
            double[] samples = random.doubles(random.nextInt(256), -1e6, 1e6).toArray();
            byte[] data = new byte[random.nextInt(3000)];
            random.nextBytes(data);
            int tag = random.nextInt();
            Series s = new Series(tag, values, samples, data);
            assertEquals(tag + Arrays.stream(values).asLongStream().sum() + unsignedSum(data), Shapes.seriesSum(s));
            double expected = 0;
            for (double d : samples) {
                expected += d;
            }
            // C adds in the same order as this loop, so the sums agree exactly.
            assertEquals(expected, Shapes.seriesSampleSum(s));
        }
    }

    @Test
    void returnedStructsCopyTheElementsCPointsTo() {
        Series s = Shapes.seriesStatic();
        assertEquals(7, s.tag());
        assertArrayEquals(STATIC_VALUES, s.values());
        assertArrayEquals(STATIC_SAMPLES, s.samples());
        assertArrayEquals(STATIC_DATA, s.data());
        // The record owns its copy: what an accessor hands out can be changed without changing the record.
        s.values()[0] = 99;
        assertEquals(1, s.values()[0]);
        // What came from C goes back to C.
        assertEquals(7 + Arrays.stream(STATIC_VALUES).sum() + unsignedSum(STATIC_DATA), Shapes.seriesSum(s));
        // Out-parameters too, and the records compare by their elements.
        assertEquals(new Series(3, STATIC_VALUES, STATIC_SAMPLES, STATIC_DATA), Shapes.seriesFill(3));
        assertEquals(s, Shapes.seriesFill(7));
        assertEquals(s.hashCode(), Shapes.seriesFill(7).hashCode());
        assertTrue(s.toString().contains("values=[1, -2, 3, 40000, 5]"), s.toString());
    }

    @Test
    void emptyArraysAndNullPointersWithCountZero() {
        Series e = Shapes.seriesEmpty();
        assertEquals(new Series(0, new int[0], new double[0], new byte[0]), e);
        assertArrayEquals(new byte[0], e.data(), "NULL with 0 is an empty array, also for a nullable member");
        Series empty = new Series(5, new int[0], new double[0], new byte[0]);
        assertEquals(5, Shapes.seriesSum(empty));
        assertEquals(0.0, Shapes.seriesSampleSum(empty));
    }

    @Test
    void nullArraysAreRefusedUnlessTheConfigSaysNullable() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new Series(0, null, new double[0], null));
        assertEquals("values", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> new Series(0, new int[0], null, null));
        assertEquals("samples", e.getMessage());
        // data is nullable: C gets NULL and a count of 0.
        Series noData = new Series(5, new int[] {1, 2}, new double[0], null);
        assertNull(noData.data());
        assertEquals(1, Shapes.seriesDataIsNull(noData));
        assertEquals(8, Shapes.seriesSum(noData));
        assertEquals(0, Shapes.seriesDataIsNull(new Series(5, new int[0], new double[0], new byte[] {1})));
        // Past the record, straight into the native: the glue refuses a null array itself.
        byte[] bytes = Series.pack(new Series(0, new int[0], new double[0], null), "s");
        e = assertThrows(NullPointerException.class, () -> ShapesNative.seriesSum(bytes, null, new double[0], null));
        assertTrue(e.getMessage().contains("s.values"), e.getMessage());
    }

    @Test
    void moreElementsThanTheCountTypeHoldsAreRefusedBeforeC() {
        // sample_count is a uint8_t: 255 elements fit, 256 do not.
        assertEquals(255.0, Shapes.seriesSampleSum(new Series(0, new int[0], filled(255), null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Series(0, new int[0], filled(256), null));
        assertEquals("samples has 256 elements, more than C's uint8_t sample_count can count (255)", e.getMessage());
        // The glue checks again, since the natives can be called directly.
        byte[] bytes = Series.pack(new Series(0, new int[0], new double[0], null), "s");
        e = assertThrows(IllegalArgumentException.class, () -> ShapesNative.seriesSampleSum(bytes, new int[0], filled(256), null));
        assertEquals("s.samples has 256 elements, more than C's uint8_t sample_count can count", e.getMessage());
    }

    @Test
    void whatNoJavaArrayCanHoldFromCIsAnExceptionNotACrash() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Shapes::seriesBroken);
        assertEquals("series_broken: values is NULL but count is 5", e.getMessage());
        e = assertThrows(IllegalStateException.class, Shapes::seriesHuge);
        assertEquals("series_huge: values has count = 2147483648 elements, which no Java array can hold", e.getMessage());
    }

    @Test
    void theLayoutKeepsThePointerAndCountMembersAndTheCompilerChecksIt() throws Exception {
        assertEquals(56, Series.SIZE);
        assertEquals(8, Series.ALIGN);
        assertEquals(8, Series.OFFSET_VALUES);
        assertEquals(16, Series.OFFSET_COUNT);
        assertEquals(24, Series.OFFSET_SAMPLE_COUNT);
        assertEquals(32, Series.OFFSET_SAMPLES);
        assertEquals(48, Series.OFFSET_DATA_LEN);
        // The generated layout program (also run by ctest as shapes_layout) checks the members the record drops.
        Path check = Path.of(System.getProperty("bindgen.c.dir", "target/bindgen-c"), "shapes", "Shapes_layout_check.c");
        String source = Files.readString(check);
        for (String expected : new String[] {"(offsetof(struct series, count)), 16ULL)", "(sizeof(((struct series *)0)->values)), 8ULL)",
                "(sizeof(*((struct series *)0)->samples)), 8ULL)", "(sizeof(((struct series *)0)->sample_count)), 1ULL)",
                "(offsetof(struct series, data_len)), 48ULL)"}) {
            assertTrue(source.contains(expected), expected);
        }
        Path exe = Files.createTempDirectory("layout").resolve("shapes_layout_check");
        Path include = Path.of(System.getProperty("bindgen.test.dir", "src/test"), "c");
        Process cc = new ProcessBuilder("cc", "-std=c11", "-Wall", "-Werror", "-I", include.toString(), "-o", exe.toString(),
                check.toString()).redirectErrorStream(true).start();
        String ccOutput = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), ccOutput);
        Process run = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.waitFor(), output);
        assertTrue(output.contains(" 0 mismatches"), output);
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }
}
