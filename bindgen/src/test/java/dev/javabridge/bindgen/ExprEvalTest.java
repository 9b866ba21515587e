package dev.javabridge.bindgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The macro evaluator: what C's preprocessor would compute, or a refusal naming why. */
class ExprEvalTest {
    private static Number eval(String body, Map<String, String> others) throws ExprEval.NotConstant {
        java.util.Map<String, String> all = new java.util.HashMap<>(others);
        all.put("X", body);
        return new ExprEval(all).evaluate("X");
    }

    private static Number eval(String body) throws ExprEval.NotConstant {
        return eval(body, Map.of());
    }

    @Test
    void literalsInEveryBase() throws Exception {
        assertEquals(42, eval("42"));
        assertEquals(255, eval("0xFF"));
        assertEquals(8, eval("010"));
        assertEquals(0, eval("0"));
        assertEquals(7L, eval("7L"));
        assertEquals(4294967295L, eval("0xFFFFFFFFu"));
        assertEquals(5, eval("5u"));
    }

    @Test
    void operatorsFollowCPrecedence() throws Exception {
        assertEquals(7, eval("1 + 2 * 3"));
        assertEquals(9, eval("(1 + 2) * 3"));
        assertEquals(-4, eval("-(4)"));
        assertEquals(~5, eval("~5"));
        assertEquals(0, eval("!3"));
        assertEquals(16 | 3, eval("1 << 4 | 3"));
        assertEquals(1, eval("7 % 3"));
        assertEquals(2, eval("6 & 3 ^ 0"));
        assertEquals(1L << 40, eval("1L << 40"));
    }

    @Test
    void otherMacrosAreFollowed() throws Exception {
        assertEquals(17, eval("(BASE | 1)", Map.of("BASE", "(1 << 4)")));
        assertEquals(1L << 33, eval("(BIG * 2)", Map.of("BIG", "0x100000000")));
    }

    @Test
    void whatIsNotAnIntegerConstantIsRefused() {
        assertTrue(assertThrows(ExprEval.NotConstant.class, () -> eval("((uint32_t)7)")).getMessage().contains("cast"));
        assertTrue(assertThrows(ExprEval.NotConstant.class, () -> eval("sizeof(int)")).getMessage().contains("sizeof"));
        assertThrows(ExprEval.NotConstant.class, () -> eval("1.5"));
        assertThrows(ExprEval.NotConstant.class, () -> eval("1 / 0"));
        assertThrows(ExprEval.NotConstant.class, () -> eval("UNKNOWN + 1"));
        assertThrows(ExprEval.NotConstant.class, () -> eval("(1 + 2"));
        assertThrows(ExprEval.NotConstant.class, () -> eval("X + 1"));
        assertThrows(ExprEval.NotConstant.class, () -> eval("a ? b : c"));
        assertThrows(ExprEval.NotConstant.class, () -> eval("0xFFFFFFFFFFFFFFFF"));
    }
}
