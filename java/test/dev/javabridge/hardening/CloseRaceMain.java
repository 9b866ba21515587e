package dev.javabridge.hardening;

import dev.javabridge.NativeBuffer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The close/use race on one NativeBuffer, as a program so that each JIT mode
 * gets a fresh JVM: 10 threads use the buffer while another closes it after a
 * random delay. Users may see only IllegalStateException once it is closed, and
 * IndexOutOfBoundsException for their own bad indexes; what a thread wrote to
 * its own bytes must read back unchanged while the buffer is open. Prints one
 * summary line; exits 1 on any other outcome.
 */
public final class CloseRaceMain {
    static final int USERS = 10;
    private static final int SIZE = 64;
    private static final int SLICE = SIZE / USERS;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        AtomicLong ops = new AtomicLong();
        AtomicLong closedSeen = new AtomicLong();
        AtomicLong badIndexSeen = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int round = 0; round < rounds && failure.get() == null; round++) {
            NativeBuffer buffer = NativeBuffer.allocate(SIZE);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                int slot = u;
                threads.add(new Thread(() -> {
                    try {
                        go.await();
                        use(buffer, slot, ops, closedSeen, badIndexSeen);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }, "user-" + u));
            }
            // Two closers: close must also be safe against itself.
            long delayNanos = ThreadLocalRandom.current().nextLong(2_000_000);
            for (int c = 0; c < 2; c++) {
                threads.add(new Thread(() -> {
                    try {
                        go.await();
                        long until = System.nanoTime() + delayNanos;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        buffer.close();
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }, "closer-" + c));
            }
            threads.forEach(Thread::start);
            go.countDown();
            for (Thread t : threads) {
                t.join(60_000);
                if (t.isAlive()) {
                    failure.compareAndSet(null, new AssertionError(t.getName() + " hangs"));
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("close race: rounds=" + rounds + " threads=" + (USERS + 2) + " ops=" + ops.get()
                + " closedSeen=" + closedSeen.get() + " badIndexSeen=" + badIndexSeen.get() + " ms=" + millis);
        if (failure.get() != null) {
            failure.get().printStackTrace();
            System.exit(1);
        }
    }

    private static void use(NativeBuffer buffer, int slot, AtomicLong ops, AtomicLong closedSeen,
            AtomicLong badIndexSeen) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int base = slot * SLICE;
        byte[] mine = new byte[SLICE];
        byte[] scratch = new byte[SLICE];
        long n = 0;
        try {
            while (true) {
                n++;
                int op = random.nextInt(8);
                if (op == 7) {
                    badIndex(buffer, random, badIndexSeen);
                    continue;
                }
                int i = random.nextInt(SLICE);
                switch (op) {
                    case 0:
                        mine[i] = (byte) random.nextInt();
                        buffer.put(base + i, mine[i]);
                        break;
                    case 1:
                        check(buffer.get(base + i) == mine[i], "get returned another byte");
                        break;
                    case 2:
                        random.nextBytes(mine);
                        buffer.write(base, mine, 0, SLICE);
                        break;
                    case 3:
                        buffer.read(base, scratch, 0, SLICE);
                        check(java.util.Arrays.equals(scratch, mine), "read returned other bytes");
                        break;
                    case 4: {
                        // Only taken, never touched: the view cannot be revoked on close (documented).
                        ByteBuffer view = buffer.asByteBuffer();
                        check(view.capacity() == SIZE, "view has the wrong capacity");
                        break;
                    }
                    case 5:
                        buffer.isClosed();
                        break;
                    default:
                        check(buffer.size() == SIZE, "size changed");
                        break;
                }
            }
        } catch (IllegalStateException closed) {
            closedSeen.incrementAndGet();
            check(buffer.isClosed(), "IllegalStateException on an open buffer: " + closed);
            // Once closed, always closed.
            for (int k = 0; k < 3; k++) {
                try {
                    buffer.get(base);
                    throw new AssertionError("get after close returned");
                } catch (IllegalStateException expected) {
                    n++;
                }
            }
        } finally {
            ops.addAndGet(n);
        }
    }

    private static void badIndex(NativeBuffer buffer, ThreadLocalRandom random, AtomicLong badIndexSeen) {
        long[] bad = {-1, SIZE, Long.MIN_VALUE, Long.MAX_VALUE, SIZE + random.nextInt(1000)};
        long index = bad[random.nextInt(bad.length)];
        try {
            if (random.nextBoolean()) {
                buffer.get(index);
            } else {
                buffer.read(index, new byte[4], 0, 4);
            }
            throw new AssertionError("index " + index + " was accepted");
        } catch (IndexOutOfBoundsException expected) {
            badIndexSeen.incrementAndGet();
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    private CloseRaceMain() {}
}
