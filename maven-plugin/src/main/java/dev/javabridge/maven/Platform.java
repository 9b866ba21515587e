package dev.javabridge.maven;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The platforms the plugin builds for, by the natives/&lt;platform&gt;/ folder names of native-lib-loader's layout
 * that NativeLoader reads: the host, and the cross targets javabridge builds itself for with the same toolchain files.
 */
final class Platform {
    private Platform() {}

    /**
     * How CMake builds for a platform other than the host: javabridge's toolchain file (under the kit's toolchains/),
     * the compiler it names and the Debian package that brings that compiler, or, for the targets javabridge builds
     * with zig.cmake, zig's name of the target (the compiler is then Zig 0.11.0, see {@link Zig}).
     */
    record Cross(String platform, String toolchain, String compiler, String debianPackage, String zigTarget) {
        boolean zig() {
            return zigTarget != null;
        }
    }

    /** The Mach-O linker zig.cmake looks for (find_program NAMES there): zig 0.11's own cannot limit the exports. */
    static final List<String> LD64 = List.of("ld64.lld", "ld64.lld-14", "ld64.lld-15", "ld64.lld-16");

    private static final Map<String, Cross> CROSS = new TreeMap<>(Map.of(
            "linux_arm64", new Cross("linux_arm64", "aarch64-linux-gnu.cmake", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu", null),
            "windows_64", new Cross("windows_64", "x86_64-w64-mingw32.cmake", "x86_64-w64-mingw32-gcc-posix", "mingw-w64", null),
            // The folders javabridge's own jar uses for its zig-built libraries (root pom, profile all-platforms).
            "osx_64", new Cross("osx_64", "zig.cmake", null, null, "x86_64-macos"),
            "osx_arm64", new Cross("osx_arm64", "zig.cmake", null, null, "aarch64-macos"),
            "linux_musl_64", new Cross("linux_musl_64", "zig.cmake", null, null, "x86_64-linux-musl"),
            "linux_musl_arm64", new Cross("linux_musl_arm64", "zig.cmake", null, null, "aarch64-linux-musl")));

    static String host() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String bits = switch (arch) {
            case "amd64", "x86_64" -> "64";
            case "aarch64", "arm64" -> "arm64";
            default -> throw new IllegalStateException("javabridge-maven-plugin: unsupported architecture " + arch);
        };
        if (os.startsWith("linux")) {
            return "linux_" + bits;
        }
        if (os.startsWith("mac")) {
            return "osx_" + bits;
        }
        if (os.startsWith("windows")) {
            return "windows_" + bits;
        }
        throw new IllegalStateException("javabridge-maven-plugin: unsupported operating system " + os);
    }

    /**
     * The cross target named @p platform, with its compiler found on PATH (zig's targets: their linker; zig itself is
     * looked for by {@link Zig}).
     *
     * @throws MojoExecutionException naming the targets there are, or the package that brings the missing compiler
     */
    static Cross cross(String platform, String path) throws MojoExecutionException {
        Cross c = CROSS.get(platform);
        if (c == null) {
            throw new MojoExecutionException("javabridge: unknown target \"" + platform + "\": the plugin cross-compiles for "
                    + String.join(", ", CROSS.keySet()) + " (natives/ folder names)");
        }
        if (!c.zig() && !onPath(c.compiler(), path)) {
            throw new MojoExecutionException("javabridge: the target " + platform + " needs the cross compiler " + c.compiler()
                    + ", which is not on PATH: install it (Debian, Ubuntu: apt-get install " + c.debianPackage() + ")");
        }
        if (platform.startsWith("osx_") && LD64.stream().noneMatch(l -> onPath(l, path))) {
            throw new MojoExecutionException("javabridge: the target " + platform + " needs LLVM's Mach-O linker ld64.lld, "
                    + "which is not on PATH: install it (Debian, Ubuntu: apt-get install lld)");
        }
        return c;
    }

    private static boolean onPath(String program, String path) {
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** The file name of library @p name on @p platform, as NativeLoader looks for it. */
    static String libraryFile(String platform, String name) {
        if (platform.startsWith("windows_")) {
            return name + ".dll";
        }
        return "lib" + name + (platform.startsWith("osx_") ? ".dylib" : ".so");
    }
}
