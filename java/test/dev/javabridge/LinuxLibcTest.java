package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.nativelib.NativeLibraryUtil.Architecture;

/** glibc or musl: what the loader detects, and which natives folder each gets. */
class LinuxLibcTest {
    // /proc/self/maps lines as a JVM on Alpine (musl) and on Debian (glibc) shows them.
    private static final List<String> ALPINE = List.of(
            "55d0c0a00000-55d0c0a01000 r-xp 00001000 08:01 1311 /usr/lib/jvm/java-17-openjdk/bin/java",
            "7f2a1c000000-7f2a1c0a0000 r-xp 00014000 08:01 2001 /lib/ld-musl-x86_64.so.1",
            "7f2a1d000000-7f2a1d001000 rw-p 00000000 00:00 0 ");
    private static final List<String> ALPINE_ARM64 = List.of(
            "ffff8a000000-ffff8a0a0000 r-xp 00000000 fe:01 77 /usr/lib/libc.musl-aarch64.so.1");
    private static final List<String> DEBIAN = List.of(
            "7f3b2a200000-7f3b2a228000 r--p 00000000 08:01 3001 /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7f3b2a600000-7f3b2a602000 r--p 00000000 08:01 3002 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
            // A glibc system may have musl's tools installed: only what is mapped counts.
            "7f3b2a700000-7f3b2a701000 r--p 00000000 08:01 3003 /usr/lib/musl/lib/libc.a.notmapped");
    private static final List<String> CENTOS7 = List.of(
            "7f3b2a200000-7f3b2a228000 r-xp 00000000 08:01 3001 /usr/lib64/libc-2.17.so");

    @Test
    void mapsTellMuslFromGlibc() {
        assertEquals(Boolean.TRUE, LinuxLibc.fromMaps(ALPINE));
        assertEquals(Boolean.TRUE, LinuxLibc.fromMaps(ALPINE_ARM64));
        assertEquals(Boolean.FALSE, LinuxLibc.fromMaps(DEBIAN));
        assertEquals(Boolean.FALSE, LinuxLibc.fromMaps(CENTOS7));
        assertNull(LinuxLibc.fromMaps(List.of("7f2a1d000000-7f2a1d001000 rw-p 00000000 00:00 0 ", "")));
    }

    @Test
    void withoutProcTheLaunchersInterpreterDecides(@TempDir Path dir) throws IOException {
        Path noMaps = dir.resolve("no-such-maps");
        Path musl = dir.resolve("java-musl");
        byte[] head = new byte[600];
        byte[] interp = "/lib/ld-musl-aarch64.so.1\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(interp, 0, head, 0x238, interp.length);
        Files.write(musl, head);
        assertTrue(LinuxLibc.detect(noMaps, musl));
        Path glibc = dir.resolve("java-glibc");
        Files.write(glibc, "\u007fELF....../lib64/ld-linux-x86-64.so.2\0".getBytes(StandardCharsets.US_ASCII));
        assertFalse(LinuxLibc.detect(noMaps, glibc));
        assertFalse(LinuxLibc.detect(noMaps, dir.resolve("no-such-java")));
        // Maps that name a C library win over the launcher.
        Path maps = dir.resolve("maps");
        Files.write(maps, DEBIAN);
        assertFalse(LinuxLibc.detect(maps, musl));
        Files.write(maps, ALPINE);
        assertTrue(LinuxLibc.detect(maps, glibc));
    }

    @Test
    void thisJvmIsSeenAsItIs() throws IOException {
        // The test machines are glibc systems (Debian, and Debian's arm64 JRE under qemu).
        String maps = new String(Files.readAllBytes(Path.of("/proc/self/maps")), StandardCharsets.ISO_8859_1);
        assertEquals(maps.contains("/ld-musl-"), LinuxLibc.isMusl(), maps);
        assertFalse(NativeLibrary.platformResource().contains("musl"), NativeLibrary.platformResource());
    }

    @Test
    void muslGetsItsOwnLinuxFolders() {
        assertEquals("linux_musl_64/", NativeLoader.platformFolder(Architecture.LINUX_64, true));
        assertEquals("linux_musl_arm64/", NativeLoader.platformFolder(Architecture.LINUX_ARM64, true));
        assertEquals("linux_64/", NativeLoader.platformFolder(Architecture.LINUX_64, false));
        assertEquals("linux_arm64/", NativeLoader.platformFolder(Architecture.LINUX_ARM64, false));
        assertEquals("osx_arm64/", NativeLoader.platformFolder(Architecture.OSX_ARM64, false));
        assertEquals("windows_64/", NativeLoader.platformFolder(Architecture.WINDOWS_64, false));
    }
}
