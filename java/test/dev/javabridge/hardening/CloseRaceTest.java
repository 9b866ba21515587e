package dev.javabridge.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NativeBuffer's close/use race under each execution mode, each in a fresh JVM
 * so that the mode is the only one the code ever ran in.
 */
class CloseRaceTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "interpreter, -Xint, 200",
        "C1 only, -XX:TieredStopAtLevel=1, 200",
        "C2 only, -XX:-TieredCompilation, 200",
    })
    void usersSeeOnlyIllegalStateAfterClose(String mode, String flag, int rounds) throws Exception {
        ChildJvm.Result r = new ChildJvm().arg(flag).run(CloseRaceMain.class.getName(), Integer.toString(rounds));
        System.out.println(mode + ": " + r.stdout().trim());
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("rounds=" + rounds), r.all());
        // Every user thread of every round reached the closed state and saw the exception.
        assertTrue(r.stdout().contains("closedSeen=" + rounds * CloseRaceMain.USERS), r.all());
    }
}
