package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM adopts the environment's locale for the whole process at startup
 * (setlocale(LC_ALL, "")), and C's snprintf follows it: under a German locale
 * "%.2f" would print "3,14". LibC.format must print the same on every machine.
 */
class LibCFormatLocaleTest {
    @TempDir
    Path temp;

    @Test
    void formatsWithTheCLocaleWhateverTheEnvironmentSays() throws Exception {
        Path locales = Files.createDirectory(temp.resolve("locales"));
        assumeTrue(compileGermanLocale(locales), "localedef could not build de_DE.UTF-8 (it needs the Debian package locales)");

        FreshJvm.Result r = FreshJvm.run(List.of("-cp", String.join(File.pathSeparator, FreshJvm.classPath()),
                        LoadProbe.class.getName(), "format"),
                Map.of("LOCPATH", locales.toString(), "LC_ALL", "de_DE.UTF-8", "LANG", "de_DE.UTF-8"));

        assertEquals(0, r.exitCode(), r::describe);
        // Proof that the environment took effect: Java's own default-locale formatting uses a comma.
        assertEquals("3,14", r.value("javaDefaultLocale"), r::describe);
        assertEquals("3.14|1.500000e+00|0.25", r.value("format"), r::describe);
        FreshJvm.assertNoJniWarnings(r);
    }

    /**
     * de_DE with POSIX collation: the real de_DE collation table takes localedef
     * seconds to compile and plays no part in number formatting.
     */
    private static boolean compileGermanLocale(Path into) throws InterruptedException, IOException {
        StringBuilder source = new StringBuilder("LC_COLLATE\ncopy \"POSIX\"\nEND LC_COLLATE\n");
        for (String category : new String[] {"LC_CTYPE", "LC_NUMERIC", "LC_MONETARY", "LC_TIME", "LC_MESSAGES",
            "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION"}) {
            source.append(category).append("\ncopy \"de_DE\"\nEND ").append(category).append('\n');
        }
        Path definition = Files.writeString(into.resolve("de_DE.def"), source);
        try {
            Process p = new ProcessBuilder("localedef", "-i", definition.toString(), "-f", "UTF-8",
                    into.resolve("de_DE.UTF-8").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0
                    && Files.isDirectory(into.resolve("de_DE.UTF-8"));
        } catch (IOException e) {
            return false;
        }
    }
}
