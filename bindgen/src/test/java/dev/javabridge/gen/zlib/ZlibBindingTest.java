package dev.javabridge.gen.zlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The binding generated from the system's zlib.h, checked against the JDK's own zlib classes. */
class ZlibBindingTest {
    private static final int[] SIZES = {0, 1, 2, 15, 1000, 65_537, 1 << 20};

    /** Random bytes with some repetition, so that compression has work to do. */
    static byte[] data(int size, long seed) {
        Random r = new Random(seed);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt() : 'a' + r.nextInt(6));
        }
        return out;
    }

    @Test
    void versionMatchesTheHeader() {
        String v = Zlib.zlibVersion();
        assertFalse(v.isEmpty());
        // zlib's own rule: the library and the header agree on the first character.
        assertEquals(Zlib.ZLIB_VERSION.charAt(0), v.charAt(0));
        assertEquals(0, Zlib.Z_OK);
        assertEquals(-5, Zlib.Z_BUF_ERROR);
        assertEquals(9, Zlib.Z_BEST_COMPRESSION);
    }

    @Test
    void crc32EqualsTheJdks() {
        for (int size : SIZES) {
            byte[] d = data(size, size);
            CRC32 jdk = new CRC32();
            jdk.update(d);
            assertEquals(jdk.getValue(), Zlib.crc32(0, d), "size " + size);
        }
    }

    @Test
    void crc32Chains() {
        byte[] a = data(1000, 1);
        byte[] b = data(777, 2);
        CRC32 jdk = new CRC32();
        jdk.update(a);
        jdk.update(b);
        assertEquals(jdk.getValue(), Zlib.crc32(Zlib.crc32(0, a), b));
    }

    @Test
    void adler32EqualsTheJdks() {
        for (int size : SIZES) {
            byte[] d = data(size, size + 7);
            Adler32 jdk = new Adler32();
            jdk.update(d);
            assertEquals(jdk.getValue(), Zlib.adler32(1, d), "size " + size);
        }
    }

    @Test
    void compressBoundCoversTheInput() {
        for (long n : new long[] {0, 1, 1000, 1L << 40}) {
            assertTrue(Zlib.compressBound(n) >= n);
        }
        assertThrows(IllegalArgumentException.class, () -> Zlib.compressBound(-1));
    }

    @ParameterizedTest
    @ValueSource(ints = {Zlib.Z_DEFAULT_COMPRESSION, Zlib.Z_NO_COMPRESSION, Zlib.Z_BEST_SPEED, 6, Zlib.Z_BEST_COMPRESSION})
    void compress2RoundTripsThroughTheJdksInflater(int level) throws DataFormatException {
        for (int size : SIZES) {
            byte[] d = data(size, 31L * size + level);
            byte[] packed = new byte[(int) Zlib.compressBound(size)];
            int n = Zlib.compress2(packed, d, level);
            assertTrue(n > 0 && n <= packed.length);
            Inflater inflater = new Inflater();
            inflater.setInput(packed, 0, n);
            byte[] back = new byte[size];
            int got = size == 0 ? 0 : inflater.inflate(back);
            assertEquals(size, got);
            assertArrayEquals(d, back);
            inflater.end();
            // and back through the binding's own uncompress
            byte[] again = new byte[size];
            assertEquals(size, Zlib.uncompress(again, Arrays.copyOf(packed, n)));
            assertArrayEquals(d, again);
        }
    }

    @Test
    void uncompressReadsTheJdksDeflater() {
        byte[] d = data(100_000, 5);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(d);
        deflater.finish();
        byte[] buf = new byte[d.length + 1024];
        int n = deflater.deflate(buf);
        assertTrue(deflater.finished());
        deflater.end();
        byte[] out = new byte[d.length + 10];
        assertEquals(d.length, Zlib.uncompress(out, Arrays.copyOf(buf, n)));
        assertArrayEquals(d, Arrays.copyOf(out, d.length));
    }

    @Test
    void buffersTooSmallBecomeExceptionsAndNothingIsWrittenBeyondThem() {
        byte[] d = data(10_000, 9);
        byte[] tiny = new byte[8];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Zlib.compress2(tiny, d, 6));
        assertTrue(e.getMessage().contains("Z_BUF_ERROR"), e.getMessage());

        byte[] packed = new byte[(int) Zlib.compressBound(d.length)];
        int n = Zlib.compress2(packed, d, 6);
        byte[] compressed = Arrays.copyOf(packed, n);
        byte[] small = new byte[d.length - 1];
        e = assertThrows(IllegalArgumentException.class, () -> Zlib.uncompress(small, compressed));
        assertTrue(e.getMessage().startsWith("uncompress: Z_BUF_ERROR (-5)"), e.getMessage());
        // zlib filled exactly the buffer it was given, which holds the start of the data.
        assertArrayEquals(Arrays.copyOf(d, small.length), small);
    }

    @Test
    void slicesMatchTheJdksRangeUpdates() {
        byte[] d = data(10_000, 11);
        Random r = new Random(12);
        for (int i = 0; i < 50; i++) {
            int off = r.nextInt(d.length);
            int len = r.nextInt(d.length - off + 1);
            CRC32 crc = new CRC32();
            crc.update(d, off, len);
            assertEquals(crc.getValue(), Zlib.crc32(0, d, off, len));
            Adler32 adler = new Adler32();
            adler.update(d, off, len);
            assertEquals(adler.getValue(), Zlib.adler32(1, d, off, len));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> Zlib.crc32(0, d, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Zlib.crc32(0, d, d.length, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Zlib.adler32(1, d, 5, d.length));
    }

    @Test
    void compressingIntoTheMiddleOfABufferLeavesItsEdgesAlone() {
        byte[] d = data(50_000, 13);
        int bound = (int) Zlib.compressBound(d.length);
        byte[] buf = new byte[bound + 200];
        Arrays.fill(buf, (byte) 0x5A);
        int n = Zlib.compress2(buf, 100, bound, d, 0, d.length, 6);
        for (int i = 0; i < 100; i++) {
            assertEquals(0x5A, buf[i]);
        }
        for (int i = 100 + bound; i < buf.length; i++) {
            assertEquals(0x5A, buf[i]);
        }
        byte[] out = new byte[d.length + 64];
        Arrays.fill(out, (byte) 0x33);
        assertEquals(d.length, Zlib.uncompress(out, 32, d.length, buf, 100, n));
        assertArrayEquals(d, Arrays.copyOfRange(out, 32, 32 + d.length));
        assertEquals(0x33, out[31]);
        assertEquals(0x33, out[32 + d.length]);
        // a slice one byte too small: an exception, and the byte after the slice is still untouched
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Zlib.uncompress(out, 0, d.length - 1, buf, 100, n));
        assertTrue(e.getMessage().contains("Z_BUF_ERROR"));
        assertEquals(0x33, out[32 + d.length]);
    }

    @Test
    void corruptInputAndBadLevelsAreExceptions() {
        byte[] garbage = data(100, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Zlib.uncompress(new byte[1000], garbage));
        assertTrue(e.getMessage().contains("Z_DATA_ERROR"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Zlib.compress2(new byte[100], new byte[10], 42));
        byte[] packed = new byte[64];
        int n = Zlib.compress2(packed, data(20, 4), 9);
        // a truncated stream is incomplete: zlib says so, and it becomes an exception
        assertThrows(RuntimeException.class, () -> Zlib.uncompress(new byte[20], Arrays.copyOf(packed, n - 3)));
    }

    @Test
    void nullsAndOutOfRangeValuesNeverReachC() {
        assertThrows(NullPointerException.class, () -> Zlib.crc32(0, null));
        assertThrows(NullPointerException.class, () -> Zlib.compress2(null, new byte[1], 6));
        assertThrows(NullPointerException.class, () -> Zlib.uncompress(new byte[1], null));
        assertThrows(IllegalArgumentException.class, () -> Zlib.crc32(-1, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> Zlib.adler32(-5, new byte[1]));
    }

    @Test
    void nativesCheckArraysThemselves() {
        // The package-private natives re-check what the public class checks, so a wrong call is an exception, not an overflow.
        assertThrows(IndexOutOfBoundsException.class, () -> ZlibNative.crc32(0, new byte[4], 0, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> ZlibNative.crc32(0, new byte[4], 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> ZlibNative.crc32(0, new byte[4], -1, 2));
        assertThrows(IllegalArgumentException.class, () -> ZlibNative.crc32(0, new byte[4], 0, -1));
        assertThrows(NullPointerException.class, () -> ZlibNative.adler32(1, null, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> ZlibNative.uncompress(new byte[4], 0, 8, new byte[4], 0, 4));
    }
}
