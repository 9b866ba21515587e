package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
    @ParameterizedTest(name = "({0}, {1}, {2}) -> ({3}, {4}, {5})")
    @CsvSource({
        // a timeout of 0 becomes the default
        "0, 3, true, 1000, 3, true",
        "1, 0, true, 1, 0, true",
        "999, 10, true, 999, 10, true",
        "600000, 5, true, 600000, 5, true",
        // longer timeouts are clamped to 10 minutes, up to uint32_t's maximum
        "600001, 5, true, 600000, 5, true",
        "9999999, 5, false, 600000, 0, false",
        "4294967295, 1, true, 600000, 1, true",
        // a disabled configuration gets no retries
        "5000, 10, false, 5000, 0, false",
        "0, 0, false, 1000, 0, false",
    })
    void normalisedByC(long timeout, int retries, boolean enabled, long wantTimeout, int wantRetries,
            boolean wantEnabled) {
        Config in = new Config(timeout, retries, enabled);
        Config out = in.normalized();
        assertEquals(new Config(wantTimeout, wantRetries, wantEnabled), out);
        assertNotSame(in, out);
        assertEquals(new Config(timeout, retries, enabled), in, "the input record is unchanged");
        assertEquals(out, out.normalized(), "normalising is idempotent");
    }

    @ParameterizedTest
    @CsvSource({"100, 11, true", "100, 11, false", "0, 255, true", "4294967295, 200, false"})
    void moreThanTenRetriesAreRefusedByC(long timeout, int retries, boolean enabled) {
        Config config = new Config(timeout, retries, enabled);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config::normalized);
        assertTrue(e.getMessage().contains("maxRetries " + retries), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"-1, 0", "4294967296, 0", "-9223372036854775808, 0", "9223372036854775807, 0",
        "0, -1", "0, 256", "0, -2147483648", "0, 2147483647"})
    void valuesOutsideTheUnsignedCTypesAreRefusedInJava(long timeout, int retries) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Config(timeout, retries, true));
        assertTrue(e.getMessage().contains("uint"), e.getMessage());
    }

    @Test
    void theUnsignedLimitsAreTheCTypesMaxima() {
        assertEquals(4_294_967_295L, Config.MAX_TIMEOUT_MS);
        assertEquals(255, Config.MAX_RETRIES);
        new Config(Config.MAX_TIMEOUT_MS, Config.MAX_RETRIES, true);
        new Config(0, 0, false);
    }

    @Test
    void theNativeChecksRangesItself() {
        assertThrows(IllegalArgumentException.class, () -> ConfigNative.normalize(-1, 0, true));
        assertThrows(IllegalArgumentException.class, () -> ConfigNative.normalize(1L << 32, 0, true));
        assertThrows(IllegalArgumentException.class, () -> ConfigNative.normalize(0, 256, true));
        assertThrows(IllegalArgumentException.class, () -> ConfigNative.normalize(0, -1, true));
        assertEquals(new Config(1000, 0, false), ConfigNative.normalize(0, 4, false));
    }
}
