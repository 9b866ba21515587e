package dev.javabridge.gen.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated callbacks through the real C library events.c, under -Xcheck:jni. */
class EventsBindingTest {
    @Test
    void aVisitorSeesEveryItemWithItsUtf8Label() {
        List<String> seen = new ArrayList<>();
        assertEquals(0, Events.evVisit(5, (index, label) -> {
            seen.add(index + ":" + label);
            return 0;
        }));
        assertEquals(List.of("0:zero", "1:caf\u00e9", "2:\uD83D\uDE00 smile", "3:item 3", "4:item 4"), seen);
        assertEquals(Events.EVENTS_STOP, Events.evVisit(10, (index, label) -> index == 2 ? Events.EVENTS_STOP : 0),
                "C's own stop value comes back");
    }

    @Test
    void aStringBesideACallbackIsCopiedNotPinned() {
        List<String> words = new ArrayList<>();
        assertEquals(0, Events.evVisitWords("caf\u00e9 au \uD83D\uDE00 lait", (index, word) -> {
            words.add(index + ":" + word);
            System.gc(); // the callback may do anything Java can: nothing of the call is pinned
            return 0;
        }));
        assertEquals(List.of("0:caf\u00e9", "1:au", "2:\uD83D\uDE00", "3:lait"), words);
        assertThrows(IllegalArgumentException.class, () -> Events.evVisitWords("nul\u0000inside", (i, w) -> 0));
        assertThrows(NullPointerException.class, () -> EventsNative.evVisitWords(null, (i, w) -> 0));
    }

    @Test
    void aVisitorRunsOnTheThreadCStartedAndThousandsOfCallsLeakNothing() {
        String caller = Thread.currentThread().getName();
        List<String> threads = new ArrayList<>();
        long[] sum = {0};
        assertEquals(0, Events.evVisitOnThread(20_000, (index, label) -> {
            if (threads.isEmpty()) {
                threads.add(Thread.currentThread().getName());
            }
            sum[0] += index;
            return 0;
        }));
        assertEquals(20_000L * 19_999 / 2, sum[0]);
        assertNotEquals(caller, threads.get(0), "called on C's thread, attached for the call");
    }

    static final class Boom extends RuntimeException {
        Boom(String message) {
            super(message);
        }
    }

    @Test
    void aVisitorThatThrowsStopsCWithTheAbortValueAndTheCallerGetsItsException() {
        for (boolean onThread : new boolean[] {false, true}) {
            int[] calls = {0};
            Visitor v = (index, label) -> {
                calls[0]++;
                if (index == 3) {
                    throw new Boom("at " + label);
                }
                return 0;
            };
            Boom b = assertThrows(Boom.class, () -> {
                if (onThread) {
                    Events.evVisitOnThread(10, v);
                } else {
                    Events.evVisit(10, v);
                }
            });
            assertEquals("at item 3", b.getMessage());
            assertEquals(4, calls[0], "C stopped at the abort value (-7) at once");
        }
        Error e = new AssertionError("an Error too");
        assertSame(e, assertThrows(AssertionError.class, () -> Events.evVisit(1, (i, l) -> {
            throw e;
        })));
        assertThrows(NullPointerException.class, () -> Events.evVisit(1, null));
    }

    @Test
    void aCallbackCKeepsAfterTheCallThatTookItIsRefused() {
        int[] calls = {0};
        Events.evRegister(value -> calls[0]++);
        assertEquals(1, Events.evFire(1.5), "C called its kept function pointer");
        assertEquals(0, calls[0], "the trampoline refused the closed token: the Java object was not called");
        System.gc();
        assertEquals(1, Events.evFire(2.5));
        assertEquals(0, calls[0]);
    }

    @Test
    void theNativesThemselvesRefuseANullCallback() {
        // Called directly, past the public class's checks, as reflection could: the kit refuses, C never runs.
        assertEquals("fn is null", assertThrows(NullPointerException.class, () -> EventsNative.evVisit(1, null)).getMessage());
        assertThrows(NullPointerException.class, () -> EventsNative.evVisitOnThread(1, null));
        assertThrows(NullPointerException.class, () -> EventsNative.evRegister(null));
        assertThrows(NullPointerException.class, () -> EventsNative.evVisitWords(new byte[] {0}, null));
    }

    @Test
    void callbacksWithoutUserDataAreRefusedWithTheReason() throws Exception {
        String report = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("bindgen.c.dir",
                "target/bindgen-c"), "events", "Events_report.txt"));
        assertTrue(report.contains("ev_apply_plain") && report.contains("without a void * user-data parameter"), report);
    }
}
