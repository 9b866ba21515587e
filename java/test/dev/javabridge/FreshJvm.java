package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Starts a new JVM from the running JDK, the way a user's application starts:
 * needed because a library loads once per class loader, so loading scenarios
 * cannot be replayed in the test JVM. Every child runs with -Xcheck:jni and
 * native access enabled, and its whole output is kept under target/jvm-logs,
 * where scripts/check-jni-warnings.sh reads it again at the end of the build.
 */
final class FreshJvm {
    /** The same patterns scripts/check-jni-warnings.sh fails the build on. */
    static final Pattern JNI_WARNING = Pattern.compile("WARNING in native method|WARNING: JNI local refs"
            + "|FATAL ERROR in native method|Calling other JNI functions in the scope|WARNING: A restricted method");

    static final List<String> CHECKED_FLAGS = List.of("-Xcheck:jni", "--enable-native-access=ALL-UNNAMED");

    private static final AtomicInteger RUNS = new AtomicInteger();

    /** What a child JVM did: its exit code and its stdout and stderr, interleaved. */
    record Result(int exitCode, String output, List<String> command) {
        /** The value of the first line "key=value" the child printed, or null. */
        String value(String key) {
            for (String line : output.split("\\R")) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1);
                }
            }
            return null;
        }

        String describe() {
            return "command: " + String.join(" ", command) + "\nexit code: " + exitCode + "\noutput:\n" + output;
        }
    }

    private FreshJvm() {}

    static Path javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    /** The test JVM's own class path, entry by entry. */
    static List<String> classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    /** target/classes: where the build put the main classes and the natives. */
    static Path mainClasses() {
        return targetDirectory().resolve("classes");
    }

    /** target/, found from where this class was loaded (target/test-classes). */
    static Path targetDirectory() {
        try {
            return Paths.get(FreshJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs java with the checked flags, then jvmArgs (class path, -D..., main class and its arguments). */
    static Result run(List<String> jvmArgs) {
        return run(jvmArgs, Map.of());
    }

    /** As {@link #run(List)}, with these variables added to the child's environment. */
    static Result run(List<String> jvmArgs, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        command.addAll(CHECKED_FLAGS);
        command.addAll(jvmArgs);
        return runLoggingTo("jvm-logs", command, environment);
    }

    /** Runs exactly this command line; the caller chooses every flag. */
    static Result runExactly(List<String> command) {
        return runLoggingTo("jvm-logs", command, Map.of());
    }

    /**
     * Runs a command that is meant to make the JVM warn. Its output stays out of
     * target/jvm-logs, so that the build's warning check does not trip on it.
     */
    static Result runExpectingWarnings(List<String> command) {
        return runLoggingTo("jvm-logs-expected-warnings", command, Map.of());
    }

    private static Result runLoggingTo(String folder, List<String> command, Map<String, String> environment) {
        try {
            Path logs = Files.createDirectories(targetDirectory().resolve(folder));
            Path out = logs.resolve("fresh-jvm-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet()
                    + ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail("the child JVM did not finish within 120 s: " + String.join(" ", command)
                        + "\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), command);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertNoJniWarnings(Result result) {
        assertFalse(JNI_WARNING.matcher(result.output()).find(), () -> "JNI warning in a child JVM\n"
                + result.describe());
    }
}
