package dev.javabridge.bindgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs the real generator on zlib.h with --java22-out and reads what FfmWriter decided. */
class FfmWriterTest {
    private static final Path TEST = Path.of(System.getProperty("bindgen.test.dir", "src/test"));
    private static final Path OUT = Path.of(System.getProperty("bindgen.out.dir", "target/test-out")).resolve("ffm");
    private static final String CLANG = System.getProperty("bindgen.clang", "clang");

    private static String run(Path config, Path out, boolean java22) throws IOException {
        List<String> a = new java.util.ArrayList<>(List.of("/usr/include/zlib.h", "--config", config.toString(),
                "--java-out", out.resolve("java").toString(), "--c-out", out.resolve("c").toString(), "--clang", CLANG));
        if (java22) {
            a.addAll(List.of("--java22-out", out.resolve("java22").toString()));
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Main.run(a.toArray(new String[0]), new PrintStream(log, true, StandardCharsets.UTF_8));
        return log.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }

    @Test
    void aFunctionThatIsNoLeafStaysOnJniWhenItTakesArrays() throws IOException {
        String config = Files.readString(TEST.resolve("bindings/zlib.json"))
                .replace("\"crc32\": {\"arrays\": {\"buf\": \"len\"}}", "\"crc32\": {\"arrays\": {\"buf\": \"len\"}, \"leaf\": false}");
        assertTrue(config.contains("\"leaf\": false"), "the test's config edit did not apply");
        Path file = Files.createDirectories(OUT).resolve("zlib-noleaf.json");
        Files.writeString(file, config);
        String log = run(file, OUT.resolve("noleaf"), true);
        String holder = Files.readString(OUT.resolve("noleaf/java22/dev/javabridge/gen/zlib/ZlibFfm.java"));
        String api = Files.readString(OUT.resolve("noleaf/java22/dev/javabridge/gen/zlib/Zlib.java"));
        assertTrue(log.contains("on JNI: crc32: not a leaf (config), and it takes arrays"), log);
        assertFalse(holder.contains("C_CRC32"), holder);
        assertTrue(holder.contains("C_ADLER32 = "), holder);
        assertTrue(api.contains("ZlibNative.crc32(") && !api.contains("ZlibFfm.crc32("), api);
        assertTrue(api.contains("ZlibFfm.adler32(") && api.contains("ZlibFfm.compress2("), api);
        // A borrowed string C returns goes through FFM too, copied in Java as the glue copies it.
        assertTrue(api.contains("ZlibFfm.zlibVersion()"), api);
        assertTrue(holder.contains("return cString(cResult, \"zlibVersion\");"), holder);
        // Each handle is made from the address the glue was linked with (ZlibNative.ffmAddress), never a lookup.
        assertTrue(holder.contains("downcallHandle(symbol(\"compress2\"), FunctionDescriptor.of(JAVA_INT, ADDRESS"), holder);
        assertTrue(holder.contains("long address = ZlibNative.ffmAddress(name);"), holder);
        assertFalse(holder.contains("SymbolLookup"), holder);
    }

    @Test
    void theJniOutputIsTheSameWithOrWithoutTheOption() throws IOException {
        Path config = TEST.resolve("bindings/zlib.json");
        run(config, OUT.resolve("without"), false);
        run(config, OUT.resolve("with"), true);
        assertEquals(files(OUT.resolve("without/java")), files(OUT.resolve("with/java")));
        assertEquals(files(OUT.resolve("without/c")), files(OUT.resolve("with/c")));
    }
}
