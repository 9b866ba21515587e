package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GraalVM native-image metadata in the packaged jar (issue 20), checked against what the
 * jar's library really registers and caches, against the jar's Java declarations, and against
 * the demo's JNI use. GraalVM itself is not reachable from this build: nothing here runs
 * native-image; these tests hold the metadata to the library it describes.
 */
class NativeImageMetadataIT {
    private static final String DIR = "META-INF/native-image/dev.javabridge/javabridge/";

    private static Path jar;
    private static Path agent;
    private static Path work;
    /** jni-config.json: class -> "name(param,param)" members (methods) and field names. */
    private static Map<String, Set<String>> jniMethods;
    private static Map<String, Set<String>> jniFields;
    private static Set<String> reflective;
    private static URLClassLoader loader;

    @BeforeAll
    static void readMetadata() throws IOException {
        assumeFalse(Boolean.getBoolean("javabridge.native.image.metadata.skip"),
                "skipped: this build (-Psanitize) writes no native-image metadata");
        jar = Path.of(System.getProperty("javabridge.jar"));
        agent = Path.of(System.getProperty("javabridge.jni.trace.agent"));
        assertTrue(Files.isRegularFile(agent), "no JNI trace agent at " + agent);
        work = Files.createDirectories(FreshJvm.targetDirectory().resolve("it-native-image"));
        jniMethods = new TreeMap<>();
        jniFields = new TreeMap<>();
        for (Object o : (List<?>) MiniJson.parse(entry("jni-config.json"))) {
            Map<?, ?> cls = (Map<?, ?>) o;
            String name = (String) cls.get("name");
            assertFalse(jniMethods.containsKey(name), "class listed twice: " + name);
            Set<String> methods = new TreeSet<>();
            for (Object m : list(cls.get("methods"))) {
                Map<?, ?> method = (Map<?, ?>) m;
                methods.add(method.get("name") + "(" + String.join(",", strings(method.get("parameterTypes"))) + ")");
            }
            Set<String> fields = new TreeSet<>();
            for (Object f : list(cls.get("fields"))) {
                fields.add((String) ((Map<?, ?>) f).get("name"));
            }
            jniMethods.put(name, methods);
            jniFields.put(name, fields);
        }
        reflective = new TreeSet<>();
        for (Object o : (List<?>) MiniJson.parse(entry("reflect-config.json"))) {
            reflective.add((String) ((Map<?, ?>) o).get("name"));
        }
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void everyNativeMethodInTheJarIsRegisteredForJni() throws Exception {
        int natives = 0;
        for (String className : jarClasses()) {
            Class<?> cls = Class.forName(className, false, loader);
            for (Method m : cls.getDeclaredMethods()) {
                if (Modifier.isNative(m.getModifiers())) {
                    natives++;
                    String member = m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getTypeName)
                            .collect(Collectors.joining(",")) + ")";
                    assertTrue(jniMethods.getOrDefault(className, Set.of()).contains(member),
                            "native " + className + "." + member + " is missing from jni-config.json");
                }
            }
        }
        assertTrue(natives >= 20, "found only " + natives + " native methods in the jar");
    }

    @Test
    void everyEntryNamesAClassMethodOrFieldThatExists() throws Exception {
        for (Map.Entry<String, Set<String>> e : jniMethods.entrySet()) {
            Class<?> cls = Class.forName(e.getKey(), false, loader);
            for (String member : e.getValue()) {
                String name = member.substring(0, member.indexOf('('));
                String params = member.substring(member.indexOf('(') + 1, member.length() - 1);
                Class<?>[] types = params.isEmpty() ? new Class<?>[0]
                        : Arrays.stream(params.split(",")).map(NativeImageMetadataIT::type).toArray(Class<?>[]::new);
                assertTrue(hasMember(cls, name, types), "jni-config.json names " + e.getKey() + "." + member
                        + ", which does not exist");
            }
            for (String field : jniFields.get(e.getKey())) {
                assertTrue(hasField(cls, field), "jni-config.json names the field " + e.getKey() + "." + field
                        + ", which does not exist");
            }
        }
        for (String name : reflective) {
            assertNotNull(Class.forName(name, false, loader));
        }
    }

    @Test
    void theMetadataIsExactlyWhatTheJarsLibraryRegisters() throws Exception {
        // Regenerated from the packaged jar alone: a stale or hand-edited file differs.
        Path natives = work.resolve("regenerated-natives/natives");
        Path out = work.resolve("regenerated");
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) file.stream()::iterator) {
                if (e.getName().startsWith("natives/") && !e.isDirectory()) {
                    Path target = natives.getParent().resolve(e.getName());
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(e)) {
                        Files.write(target, in.readAllBytes());
                    }
                }
            }
        }
        FreshJvm.Result r = FreshJvm.runExactly(List.of("python3",
                Paths.get(System.getProperty("javabridge.basedir"), "scripts/native-image-metadata.py").toString(),
                "--java", FreshJvm.javaBinary().toString(), "--agent", agent.toString(), "--classpath",
                jar.toString(), "--natives", natives.toString(), "--out", out.toString(),
                "--work", work.resolve("regenerated-work").toString()));
        assertEquals(0, r.exitCode(), r::describe);
        for (String name : List.of("jni-config.json", "reflect-config.json", "resource-config.json")) {
            assertEquals(entry(name), Files.readString(out.resolve(DIR + name)), name + " differs from a fresh recording");
        }
    }

    @Test
    void theDemoUsesNothingThroughJniThatTheMetadataLacks() throws IOException {
        // The kit caches IDs at load; a lookup made later, on some call, would be missing from
        // the metadata and fail only inside a native image.
        Path trace = work.resolve("demo-trace.txt");
        FreshJvm.Result r = FreshJvm.runExactly(List.of(FreshJvm.javaBinary().toString(),
                "-agentpath:" + agent + "=" + trace + ",libjavabridge_guide", "--enable-native-access=ALL-UNNAMED",
                "-jar", jar.toString()));
        assertEquals(0, r.exitCode(), r::describe);
        List<String> lines = Files.readAllLines(trace);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("native\t")), "the agent recorded nothing: " + lines);
        for (String line : lines) {
            String[] f = line.split("\t");
            boolean covered;
            switch (f[0]) {
                case "class":
                case "throwable":
                    covered = jniMethods.containsKey(f[1]);
                    break;
                case "forname":
                    covered = reflective.contains(f[1]);
                    break;
                case "field":
                    covered = jniFields.getOrDefault(f[1], Set.of()).contains(f[2]);
                    break;
                case "method":
                case "native":
                    covered = jniMethods.getOrDefault(f[1], Set.of()).contains(f[2] + "(" + javaTypes(f[3]) + ")");
                    break;
                default:
                    covered = false;
            }
            assertTrue(covered, "the demo used " + line + " through JNI; the metadata does not list it");
        }
    }

    @Test
    void theResourcesAreExactlyTheJarsNatives() throws IOException {
        Set<String> inJar;
        try (JarFile file = new JarFile(jar.toFile())) {
            inJar = file.stream().map(JarEntry::getName).filter(n -> n.startsWith("natives/") && !n.endsWith("/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = new TreeSet<>();
        Map<?, ?> config = (Map<?, ?>) MiniJson.parse(entry("resource-config.json"));
        for (Object o : list(((Map<?, ?>) config.get("resources")).get("includes"))) {
            String pattern = (String) ((Map<?, ?>) o).get("pattern");
            assertTrue(pattern.startsWith("\\Q") && pattern.endsWith("\\E"), pattern);
            listed.add(pattern.substring(2, pattern.length() - 2));
        }
        assertEquals(inJar, listed);
        assertTrue(inJar.contains(NativeLibrary.platformResource()), inJar::toString);
    }

    @Test
    void theAgentRecordsOnlyTheLibraryItIsGiven() throws IOException {
        Path root = Paths.get(System.getProperty("javabridge.userlib.root"));
        Path trace = work.resolve("userlib-trace.txt");
        Path testClasses = FreshJvm.targetDirectory().resolve("test-classes");
        FreshJvm.Result r = FreshJvm.runExactly(List.of(FreshJvm.javaBinary().toString(),
                "-agentpath:" + agent + "=" + trace + ",libuserlib", "--enable-native-access=ALL-UNNAMED",
                "-Djavabridge.library.path.userlib=" + root.resolve("natives/linux_64/libuserlib.so"),
                "-cp", testClasses + File.pathSeparator + jar, "com.example.userlib.probe.UserLibProbe", "load"));
        assertEquals(0, r.exitCode(), r::describe);
        List<String> lines = Files.readAllLines(trace);
        assertTrue(lines.contains("native\tcom.example.userlib.UserLib\tdivide\t(II)J"), lines::toString);
        assertTrue(lines.contains("native\tcom.example.userlib.UserLib\truntimePackage\t()Ljava/lang/String;"),
                lines::toString);
        assertTrue(lines.stream().allMatch(l -> !l.startsWith("native\t") || l.contains("com.example.userlib.UserLib")),
                lines::toString);
        // The demo loads only libjavabridge_guide: the JDK's own JNI calls must not appear.
        Path none = work.resolve("filtered-trace.txt");
        FreshJvm.Result demo = FreshJvm.runExactly(List.of(FreshJvm.javaBinary().toString(),
                "-agentpath:" + agent + "=" + none + ",libuserlib", "--enable-native-access=ALL-UNNAMED",
                "-jar", jar.toString()));
        assertEquals(0, demo.exitCode(), demo::describe);
        assertEquals(List.of(), Files.readAllLines(none));
    }

    @Test
    void theAgentRefusesOptionsItCannotUse() {
        FreshJvm.Result r = FreshJvm.runExpectingWarnings(List.of(FreshJvm.javaBinary().toString(),
                "-agentpath:" + agent + "=no-library-given", "-version"));
        assertTrue(r.exitCode() != 0, r::describe);
        assertTrue(r.output().contains("jni_trace_agent: options must be OUT_FILE,LIBRARY_SUBSTRING"), r::describe);
    }

    private static String entry(String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry e = file.getJarEntry(DIR + name);
            if (e == null) {
                fail(DIR + name + " is missing from " + jar);
            }
            try (InputStream in = file.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static List<String> jarClasses() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("dev/javabridge/") && n.endsWith(".class")
                            && !n.startsWith("dev/javabridge/internal/"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toList());
        }
    }

    private static List<?> list(Object o) {
        return o == null ? List.of() : (List<?>) o;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object s : list(o)) {
            out.add((String) s);
        }
        return out;
    }

    /** (JIZ)V -> "long,int,boolean", the way jni-config.json spells parameter types. */
    private static String javaTypes(String signature) {
        List<String> out = new ArrayList<>();
        String params = signature.substring(1, signature.indexOf(')'));
        for (int i = 0; i < params.length();) {
            int dims = 0;
            while (params.charAt(i) == '[') {
                dims++;
                i++;
            }
            String name;
            if (params.charAt(i) == 'L') {
                int end = params.indexOf(';', i);
                name = params.substring(i + 1, end).replace('/', '.');
                i = end + 1;
            } else {
                name = Map.of('Z', "boolean", 'B', "byte", 'C', "char", 'S', "short", 'I', "int", 'J', "long",
                        'F', "float", 'D', "double").get(params.charAt(i));
                i++;
            }
            out.add(name + "[]".repeat(dims));
        }
        return String.join(",", out);
    }

    private static Class<?> type(String name) {
        Map<String, Class<?>> primitives = Map.of("boolean", boolean.class, "byte", byte.class, "char", char.class,
                "short", short.class, "int", int.class, "long", long.class, "float", float.class,
                "double", double.class);
        try {
            String base = name.replace("[]", "");
            Class<?> c = primitives.containsKey(base) ? primitives.get(base) : Class.forName(base, false, loader);
            for (int dims = (name.length() - base.length()) / 2; dims > 0; dims--) {
                c = c.arrayType();
            }
            return c;
        } catch (ClassNotFoundException e) {
            throw new AssertionError("jni-config.json names the unknown type " + name, e);
        }
    }

    private static boolean hasMember(Class<?> cls, String name, Class<?>[] types) {
        if (name.equals("<init>")) {
            return Arrays.stream(cls.getDeclaredConstructors()).anyMatch(c -> Arrays.equals(c.getParameterTypes(), types));
        }
        for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
            if (Arrays.stream(c.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals(name) && Arrays.equals(m.getParameterTypes(), types))) {
                return true;
            }
        }
        return Arrays.stream(cls.getMethods())
                .anyMatch(m -> m.getName().equals(name) && Arrays.equals(m.getParameterTypes(), types));
    }

    private static boolean hasField(Class<?> cls, String name) {
        for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
            if (Arrays.stream(c.getDeclaredFields()).anyMatch(f -> f.getName().equals(name))) {
                return true;
            }
        }
        return false;
    }
}
