package dev.javabridge.capi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A running JVM (this one) whose native code calls libjavabridge's C API: it must join this JVM,
 * never create one, leave the calling Java thread attached, and detach only the native threads it
 * attached itself.
 */
class JoinFromJavaTest {
    @BeforeAll
    static void loadTestNatives() {
        String lib = System.getProperty("javabridge.capi.joinlib");
        assertNotNull(lib, "the build passes javabridge.capi.joinlib");
        assertTrue(Files.isRegularFile(Path.of(lib)), "missing " + lib);
        System.load(lib);
    }

    @Test
    void nativeCodeJoinsThisJvmAndCallsJava() {
        String summary = JoinNatives.joinAndCall();
        assertEquals("sum=42 thrown=JB_EJAVA java.lang.IllegalArgumentException object=joined \uD83D\uDE00=7", summary);
        // Again: the reference was released, not the JVM, and this thread is still attached.
        assertEquals(summary, JoinNatives.joinAndCall());
    }

    @Test
    void nativeThreadsAreDetachedWhenTheyExit() throws InterruptedException {
        int before = CapiTarget.attachedCThreads();
        // The JVM counts every thread that attaches as started: without that count the test would
        // pass as well if no native thread had ever attached.
        long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        assertEquals(0, JoinNatives.callFromNativeThreads(8));
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;
        assertTrue(started >= 8, "only " + started + " threads attached to this JVM for 8 native threads");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (CapiTarget.attachedCThreads() != before && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertEquals(before, CapiTarget.attachedCThreads(), "every native thread javabridge attached was detached");
    }
}
