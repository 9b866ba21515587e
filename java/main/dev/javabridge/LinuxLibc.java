package dev.javabridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Which C library this Linux JVM runs on, glibc or musl (Alpine): their shared libraries do not
 * load on each other, and native-lib-loader's platform names do not tell them apart.
 *
 * <p>The answer comes from the process itself, not from files that happen to be installed (a
 * glibc system may have musl's loader in /lib, and the reverse with gcompat): the C library
 * mapped into this process ({@code /proc/self/maps}), else the program interpreter recorded in
 * the {@code java} launcher that started it.
 */
final class LinuxLibc {
    /** The folder-name infix of musl builds: {@code natives/linux_musl_64/}. */
    static final String MUSL_INFIX = "musl_";

    private static volatile Boolean musl;

    private LinuxLibc() {}

    /** Whether this JVM runs on musl (false off Linux and when nothing says musl). */
    static boolean isMusl() {
        Boolean known = musl;
        if (known == null) {
            known = detect(Paths.get("/proc/self/maps"), Paths.get(System.getProperty("java.home"), "bin", "java"));
            musl = known;
        }
        return known;
    }

    static boolean detect(Path maps, Path launcher) {
        try {
            Boolean fromMaps = fromMaps(Files.readAllLines(maps, StandardCharsets.ISO_8859_1));
            if (fromMaps != null) {
                return fromMaps;
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (a restricted container): fall back to the launcher below.
        }
        return fromInterpreter(launcher);
    }

    /**
     * musl's C library is its dynamic loader ({@code /lib/ld-musl-x86_64.so.1}; Alpine also
     * links it as {@code libc.musl-x86_64.so.1}); glibc's is {@code libc.so.6}. Null when the
     * lines name neither (a static process).
     */
    static Boolean fromMaps(List<String> lines) {
        boolean glibc = false;
        for (String line : lines) {
            String file = line.substring(line.lastIndexOf(' ') + 1);
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (name.startsWith("ld-musl-") || name.startsWith("libc.musl-")) {
                return Boolean.TRUE;
            }
            if (name.equals("libc.so.6") || name.matches("libc-2\\.[0-9]+\\.so")) {
                glibc = true;
            }
        }
        return glibc ? Boolean.FALSE : null;
    }

    /** The ELF interpreter path sits near the start of the file, in the program headers' reach. */
    static boolean fromInterpreter(Path launcher) {
        byte[] head = new byte[8192];
        int n = 0;
        try (InputStream in = Files.newInputStream(launcher)) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return new String(head, 0, n, StandardCharsets.ISO_8859_1).contains("/ld-musl-");
    }
}
