package dev.javabridge.hardening;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import dev.javabridge.DataProcessor;
import java.nio.ByteBuffer;

/**
 * Jazzer on DataProcessor: fuzzed bytes, offsets and lengths, on arrays and on
 * direct buffers with fuzzed positions and limits. A sum must equal the one Java
 * computes; a bad range must be an IllegalArgumentException.
 */
class DataProcessorFuzzTest {
    private static final AtomicLong EXECUTIONS = new AtomicLong();

    @AfterAll
    static void report() {
        System.out.println("jazzer DataProcessorFuzzTest: " + EXECUTIONS.get() + " executions");
    }

    @FuzzTest(maxDuration = "60s")
    void sums(FuzzedDataProvider data) {
        EXECUTIONS.incrementAndGet();
        int offset = data.consumeInt();
        int length = data.consumeInt();
        boolean direct = data.consumeBoolean();
        int position = data.consumeInt(0, 64);
        byte[] bytes = data.consumeRemainingAsBytes();
        if (direct) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            buffer.position(Math.min(position, bytes.length));
            check(DataProcessor.processData(buffer), bytes, buffer.position(), buffer.remaining());
            return;
        }
        try {
            check(DataProcessor.processData(bytes, offset, length), bytes, offset, length);
        } catch (IllegalArgumentException refused) {
            if (offset >= 0 && length >= 0 && (long) offset + length <= bytes.length) {
                throw new AssertionError("valid range refused: " + offset + "+" + length, refused);
            }
        }
    }

    private static void check(long sum, byte[] bytes, int offset, int length) {
        long expected = 0;
        for (int i = offset; i < offset + length; i++) {
            expected += bytes[i] & 0xFF;
        }
        if (sum != expected) {
            throw new AssertionError("sum " + sum + " != " + expected);
        }
    }
}
