package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataProcessorTest {
    private static long javaSum(byte[] data, int offset, int length) {
        long sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += data[i] & 0xFF;
        }
        return sum;
    }

    @Test
    void sumsBytesAsUnsigned() {
        assertEquals(0, DataProcessor.processData(new byte[0]));
        assertEquals(255, DataProcessor.processData(new byte[] {-1}));
        assertEquals(1 + 128 + 255, DataProcessor.processData(new byte[] {1, -128, -1}));
        byte[] ff = new byte[1000];
        Arrays.fill(ff, (byte) 0xFF);
        assertEquals(255_000, DataProcessor.processData(ff));
    }

    @Test
    void randomArraysAgreeWithJava() {
        Random random = new Random(3);
        for (int n : new int[] {1, 7, 8, 15, 16, 63, 64, 65, 4095, 65537}) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            assertEquals(javaSum(data, 0, n), DataProcessor.processData(data), "length " + n);
        }
    }

    @ParameterizedTest
    @CsvSource({"0,0", "0,10", "3,4", "9,1", "10,0", "5,5"})
    void sumsOnlyTheGivenRange(int offset, int length) {
        byte[] data = {10, 20, 30, 40, 50, 60, 70, 80, 90, -1};
        assertEquals(javaSum(data, offset, length), DataProcessor.processData(data, offset, length));
    }

    @ParameterizedTest
    @CsvSource({"-1,1", "0,-1", "0,11", "10,1", "11,0", "5,6", "2147483647,1", "1,2147483647",
        "-2147483648,0", "2147483647,-2147483648"})
    void rangesOutsideTheArrayAreIllegalArguments(int offset, int length) {
        byte[] data = new byte[10];
        assertThrows(IllegalArgumentException.class, () -> DataProcessor.processData(data, offset, length));
    }

    @Test
    void lengthsAboveOneHundredMebibytesAreRefusedBeforeAnythingIsRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataProcessor.processData(new byte[16], 0, DataProcessor.MAX_LENGTH + 1));
        assertTrue(e.getMessage().contains("above the limit"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DataProcessor.processData(new byte[16], 0, Integer.MAX_VALUE));
    }

    @Test
    void nullIsNullPointer() {
        assertThrows(NullPointerException.class, () -> DataProcessor.processData((byte[]) null));
        assertThrows(NullPointerException.class, () -> DataProcessor.processData((byte[]) null, 0, 0));
        assertThrows(NullPointerException.class, () -> DataProcessor.processData((ByteBuffer) null));
    }

    @Test
    void directBufferIsReadBetweenPositionAndLimitWithoutMovingThem() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(100);
        for (int i = 0; i < 100; i++) {
            buffer.put(i, (byte) (200 + i));
        }
        buffer.position(10).limit(20);
        long expected = 0;
        for (int i = 10; i < 20; i++) {
            expected += (200 + i) & 0xFF;
        }
        assertEquals(expected, DataProcessor.processData(buffer));
        assertEquals(10, buffer.position());
        assertEquals(20, buffer.limit());

        buffer.position(20);
        assertEquals(0, DataProcessor.processData(buffer), "an empty remainder sums to 0");
    }

    @Test
    void slicesAndReadOnlyViewsOfDirectBuffersWork() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64);
        for (int i = 0; i < 64; i++) {
            buffer.put(i, (byte) i);
        }
        ByteBuffer slice = buffer.position(32).slice();
        assertEquals(javaSumRange(32, 64), DataProcessor.processData(slice));
        slice.position(4).limit(8);
        assertEquals(javaSumRange(36, 40), DataProcessor.processData(slice));
        assertEquals(javaSumRange(32, 64), DataProcessor.processData(buffer.asReadOnlyBuffer()));
    }

    private static long javaSumRange(int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += i;
        }
        return sum;
    }

    @Test
    void heapBuffersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataProcessor.processData(ByteBuffer.allocate(10)));
        assertTrue(e.getMessage().contains("direct"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataProcessor.processData(ByteBuffer.wrap(new byte[4])));
    }

    @Test
    void directBuffersOfMoreThanOneHundredMebibytesAreRefusedAtTheLimitAccepted() {
        // C's calloc maps zero pages lazily: these views cost address space, not 100 MiB of memory.
        try (NativeBuffer big = NativeBuffer.allocate(DataProcessor.MAX_LENGTH + 1L)) {
            ByteBuffer view = big.asByteBuffer();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DataProcessor.processData(view));
            assertTrue(e.getMessage().contains("above the limit"), e.getMessage());
            view.put(DataProcessor.MAX_LENGTH, (byte) 7);
            view.put(0, (byte) 5);
            view.position(1);
            assertEquals(7, DataProcessor.processData(view), "exactly MAX_LENGTH bytes are accepted");
            view.position(0).limit(DataProcessor.MAX_LENGTH);
            assertEquals(5, DataProcessor.processData(view));
        }
    }

    @Test
    void nativesCheckRangesThemselves() {
        assertThrows(IndexOutOfBoundsException.class, () -> DataNative.sumArray(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> DataNative.sumArray(new byte[4], -1, 1));
        assertThrows(NullPointerException.class, () -> DataNative.sumArray(null, 0, 0));
        ByteBuffer direct = ByteBuffer.allocateDirect(4);
        assertThrows(IndexOutOfBoundsException.class, () -> DataNative.sumBuffer(direct, 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> DataNative.sumBuffer(direct, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> DataNative.sumBuffer(ByteBuffer.allocate(4), 0, 4));
        assertThrows(NullPointerException.class, () -> DataNative.sumBuffer(null, 0, 0));
    }
}
