package com.example.gauge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The host's build of what the plugin built for seven platforms, loaded by NativeLoader under -Xcheck:jni;
 * maven-plugin/test.sh checks the other libraries' formats and runs the aarch64 one under qemu.
 */
class GaugePluginTest {
    @Test
    void theBindingCallsTheProjectsOwnC() {
        GaugeReading r = Gauge.gaugeRead(7, -2500);
        assertEquals(7, r.channel());
        assertEquals(-2500, r.millivolts());
        assertEquals(-2.5, Gauge.gaugeVolts(r), 1e-12);
        assertEquals(3_000_000_000L, Gauge.gaugeSum(new int[] {1_000_000_000, 1_000_000_000, 1_000_000_000}));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Gauge.gaugeSum(new int[0]));
        assertTrue(empty.getMessage().contains("no values"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gauge.gaugeRead(70_000, 0));
        assertEquals(64, Gauge.gaugePointerBits());
        assertEquals(5_000_000_000_000L, Gauge.gaugeMilli(5_000_000_000L));
    }

    @Test
    void eachTargetsLibraryAndDigestSitWhereNativeLoaderLooks() throws Exception {
        for (String file : new String[] {"linux_64/libgaugejni.so", "linux_arm64/libgaugejni.so", "windows_64/gaugejni.dll",
                "osx_64/libgaugejni.dylib", "osx_arm64/libgaugejni.dylib", "linux_musl_64/libgaugejni.so",
                "linux_musl_arm64/libgaugejni.so"}) {
            Path lib = Path.of("target/classes/natives").resolve(file);
            assertTrue(Files.isRegularFile(lib), lib + " is missing");
            String digest = Files.readString(lib.resolveSibling(lib.getFileName() + ".sha256"));
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            assertEquals(HexFormat.of().formatHex(md.digest(Files.readAllBytes(lib))) + "  " + lib.getFileName() + "\n", digest);
        }
    }
}
