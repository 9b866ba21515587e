package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * A user's shaded copy of javabridge: maven-shade relocated dev.javabridge to
 * com.acme.vendored.javabridge (pom.xml, execution relocated-copy). The natives are bound with
 * RegisterNatives under the package the JNI kit finds at run time, so the relocated demo must
 * run exactly as the original does, with no JNI warning.
 */
class ShadedJarIT {
    private static final String RELOCATED = "com.acme.vendored.javabridge";

    @Test
    void theRelocatedJarRunsTheDemo() throws Exception {
        String property = System.getProperty("javabridge.relocated.jar");
        assertNotNull(property, "failsafe must pass the relocated jar's path in javabridge.relocated.jar");
        Path jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).collect(Collectors.toList());
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("dev/")).collect(Collectors.toList()),
                    "classes left in dev.javabridge: the relocation did not happen");
            assertTrue(names.contains(RELOCATED.replace('.', '/') + "/NativeLoader.class"), names::toString);
            assertTrue(names.contains(NativeLibrary.platformResource()), names::toString);
        }
        FreshJvm.Result r = FreshJvm.run(List.of("-cp", jar.toString(), RELOCATED + ".demo.Demo"));
        PackagedJarIT.assertDemoOutput(r);
    }
}
