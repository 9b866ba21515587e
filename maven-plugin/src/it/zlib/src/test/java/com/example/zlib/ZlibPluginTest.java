package com.example.zlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** What the plugin built, loaded from target/classes/natives/ by NativeLoader, under -Xcheck:jni. */
class ZlibPluginTest {
    @Test
    void theBindingRoundTripsAndAgreesWithTheJdk() {
        byte[] data = "the plugin bound zlib, the plugin bound zlib".repeat(50).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        assertEquals(crc.getValue(), Zlib.crc32(0, data));
        byte[] packed = new byte[(int) Zlib.compressBound(data.length)];
        int n = Zlib.compress2(packed, data, Zlib.Z_BEST_COMPRESSION);
        assertTrue(n > 0 && n < data.length / 4, "compressed to " + n);
        byte[] back = new byte[data.length];
        Zlib.uncompress(back, 0, back.length, packed, 0, n);
        assertArrayEquals(data, back);
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> Zlib.uncompress(new byte[10], Arrays.copyOf(packed, n)));
        assertTrue(small.getMessage().contains("Z_BUF_ERROR"), small.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Zlib.uncompress(back, 0, back.length + 1, packed, 0, n));
    }

    @Test
    void theLibraryAndItsDigestSitWhereNativeLoaderLooks() throws Exception {
        Path dir = Path.of("target/classes/natives/linux_64");
        Path lib = dir.resolve("libzlibjni.so");
        assertTrue(Files.isRegularFile(lib), lib + " is missing");
        String digest = Files.readString(dir.resolve("libzlibjni.so.sha256"));
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        assertEquals(java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(lib))) + "  libzlibjni.so\n", digest);
    }
}
