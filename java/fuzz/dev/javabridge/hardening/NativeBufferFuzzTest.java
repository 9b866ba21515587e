package dev.javabridge.hardening;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import dev.javabridge.NativeBuffer;
import java.util.Arrays;

/**
 * Jazzer on NativeBuffer: a fuzzed size and a fuzzed sequence of operations with
 * fuzzed indexes, a close at a fuzzed point, and a shadow byte[] that every
 * successful operation must agree with. Only the documented exceptions may occur.
 */
class NativeBufferFuzzTest {
    private static final AtomicLong EXECUTIONS = new AtomicLong();

    @AfterAll
    static void report() {
        System.out.println("jazzer NativeBufferFuzzTest: " + EXECUTIONS.get() + " executions");
    }

    @FuzzTest(maxDuration = "60s")
    void operations(FuzzedDataProvider data) {
        EXECUTIONS.incrementAndGet();
        long size = data.consumeLong(-2, 1 << 16);
        NativeBuffer buffer;
        try {
            buffer = NativeBuffer.allocate(size);
        } catch (IllegalArgumentException refused) {
            if (size >= 1 && size <= NativeBuffer.MAX_SIZE) {
                throw new AssertionError("size " + size + " was refused");
            }
            return;
        }
        byte[] shadow = new byte[(int) size];
        try {
            int steps = data.consumeInt(0, 64);
            for (int s = 0; s < steps; s++) {
                step(buffer, shadow, data);
            }
        } finally {
            buffer.close();
        }
        try {
            buffer.get(0);
            throw new AssertionError("get after close returned");
        } catch (IllegalStateException expected) {
            // closed stays closed
        }
    }

    private static void step(NativeBuffer buffer, byte[] shadow, FuzzedDataProvider data) {
        long index = data.consumeBoolean() ? data.consumeLong(-1, shadow.length) : data.consumeLong();
        int offset = data.consumeInt(-2, 40);
        int length = data.consumeInt(-2, 40);
        boolean inside = index >= 0 && index < shadow.length;
        // Whether the call's own arguments are in range: then an IndexOutOfBoundsException is a finding.
        boolean valid = inside;
        try {
            switch (data.consumeInt(0, 4)) {
                case 0: {
                    byte v = data.consumeByte();
                    buffer.put(index, v);
                    shadow[(int) index] = v;
                    break;
                }
                case 1:
                    if (buffer.get(index) != shadow[(int) index]) {
                        throw new AssertionError("get(" + index + ") disagrees with what was written");
                    }
                    break;
                case 2: {
                    byte[] src = data.consumeBytes(40);
                    valid = spans(index, length, shadow.length) && spans(offset, length, src.length);
                    buffer.write(index, src, offset, length);
                    System.arraycopy(src, offset, shadow, (int) index, length);
                    break;
                }
                case 3: {
                    byte[] dst = new byte[data.consumeInt(0, 40)];
                    valid = spans(index, length, shadow.length) && spans(offset, length, dst.length);
                    buffer.read(index, dst, offset, length);
                    if (!Arrays.equals(dst, offset, offset + length, shadow, (int) index, (int) index + length)) {
                        throw new AssertionError("read disagrees with what was written");
                    }
                    break;
                }
                default:
                    valid = true;
                    if (buffer.asByteBuffer().capacity() != shadow.length) {
                        throw new AssertionError("view has the wrong capacity");
                    }
                    break;
            }
        } catch (IndexOutOfBoundsException e) {
            if (valid || e.getMessage() == null) {
                throw new AssertionError("unexpected " + e, e);
            }
        }
    }

    private static boolean spans(long start, int length, int size) {
        // Not start + length <= size: near Long.MAX_VALUE that sum wraps negative (Jazzer's finding:
        // index Long.MAX_VALUE, length 1 was judged in range, so the buffer's correct refusal
        // looked like a bug).
        return start >= 0 && length >= 0 && length <= size && start <= size - length;
    }
}
