package dev.javabridge.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** Runs the tools the plugin drives (bindgen's jar, cmake, the layout check) and fails the build with their output. */
final class Processes {
    private Processes() {}

    static void run(Log log, File dir, List<String> command, String what) throws MojoExecutionException {
        log.debug("javabridge: " + String.join(" ", command));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) {
                throw new MojoExecutionException(what + " failed (exit " + rc + "): " + String.join(" ", command) + "\n" + out);
            }
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    log.debug(line);
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException(what + ": cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(what + " was interrupted", e);
        }
    }
}
