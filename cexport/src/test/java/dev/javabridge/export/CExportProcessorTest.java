package dev.javabridge.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator run in-process by javac over small sources: what it refuses, and what it writes. */
class CExportProcessorTest {
    @TempDir
    Path dir;

    /** The outcome of one compilation. */
    record Result(boolean ok, List<String> errors, Path generated) {
        String file(String name) throws IOException {
            return Files.readString(generated.resolve(name), StandardCharsets.UTF_8);
        }

        List<String> files() throws IOException {
            try (Stream<Path> s = Files.list(generated)) {
                return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
            }
        }
    }

    private Result compile(String className, String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        JavaFileObject file = new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-Xlint:none",
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-s",
                generated.toString());
        JavaCompiler.CompilationTask task = javac.getTask(null, null, diagnostics, options, null, List.of(file));
        task.setProcessors(List.of(new CExportProcessor()));
        boolean ok = task.call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d.getMessage(Locale.ROOT));
            }
        }
        return new Result(ok, errors, generated);
    }

    private static String wrap(String body) {
        return "package t;\nimport dev.javabridge.export.*;\nimport java.util.*;\npublic class Bad {\n" + body + "\n}\n";
    }

    /** Compiles a class that must fail, and returns its single error after checking there is one and no C. */
    private String onlyError(String body) throws IOException {
        Result r = compile("t.Bad", wrap(body));
        assertFalse(r.ok(), "compilation should fail");
        assertEquals(1, r.errors().size(), () -> "expected one error, got " + r.errors());
        assertEquals(List.of(), r.files(), "nothing is generated for a class with errors");
        return r.errors().get(0);
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "\"" + message + "\" should mention \"" + p + "\"");
        }
    }

    @Test
    void objectParameterIsRefusedNamingMethodAndType() throws IOException {
        String e = onlyError("@CExport public static int take(Object o) { return 0; }");
        assertMentions(e, "t.Bad.take(java.lang.Object)", "parameter 'o'", "java.lang.Object", "has no C mapping");
    }

    @Test
    void listParameterIsRefused() throws IOException {
        String e = onlyError("@CExport public static int size(List<String> items) { return items.size(); }");
        assertMentions(e, "t.Bad.size(java.util.List<java.lang.String>)", "parameter 'items'",
                "type java.util.List<java.lang.String> has no C mapping");
    }

    @Test
    void intArrayIsRefusedThoughByteArrayIsNot() throws IOException {
        String e = onlyError("@CExport public static int sum(int[] values, byte[] fine) { return 0; }");
        assertMentions(e, "t.Bad.sum(int[], byte[])", "parameter 'values'", "type int[]");
    }

    @Test
    void objectResultIsRefused() throws IOException {
        String e = onlyError("@CExport public static Object make() { return null; }");
        assertMentions(e, "t.Bad.make()", "result", "java.lang.Object");
    }

    @Test
    void boxedIntegerIsRefused() throws IOException {
        String e = onlyError("@CExport public static int unbox(Integer i) { return i; }");
        assertMentions(e, "t.Bad.unbox(java.lang.Integer)", "java.lang.Integer");
    }

    @Test
    void instanceMethodIsRefused() throws IOException {
        String e = onlyError("@CExport public int answer() { return 42; }");
        assertMentions(e, "t.Bad.answer()", "must be static");
    }

    @Test
    void nonPublicMethodIsRefused() throws IOException {
        String e = onlyError("@CExport static int hidden() { return 1; }");
        assertMentions(e, "t.Bad.hidden()", "must be public");
    }

    @Test
    void methodOfNonPublicNestedClassIsRefused() throws IOException {
        String e = onlyError("static class Inner { @CExport public static int f() { return 1; } }");
        assertMentions(e, "t.Bad.Inner.f()", "class t.Bad.Inner must be public");
    }

    @Test
    void recordWithStringComponentIsRefused() throws IOException {
        String e = onlyError("public record Named(String name, int age) {}\n"
                + "@CExport public static int age(Named n) { return n.age(); }");
        assertMentions(e, "t.Bad.age(t.Bad.Named)", "record t.Bad.Named component 'name' has type java.lang.String",
                "only primitives");
    }

    @Test
    void recordHoldingARecordIsRefused() throws IOException {
        String e = onlyError("public record P(int x) {}\npublic record Line(P a, int n) {}\n"
                + "@CExport public static Line line() { return null; }");
        assertMentions(e, "t.Bad.line()", "component 'a' has type t.Bad.P");
    }

    @Test
    void emptyRecordIsRefused() throws IOException {
        String e = onlyError("public record Nothing() {}\n@CExport public static void take(Nothing n) {}");
        assertMentions(e, "t.Bad.take(t.Bad.Nothing)", "no components");
    }

    @Test
    void everyProblemOfAMethodIsReported() throws IOException {
        Result r = compile("t.Bad", wrap("@CExport int both(Object o, int[] a) { return 0; }"));
        assertFalse(r.ok());
        String all = String.join("\n", r.errors());
        assertMentions(all, "must be static", "must be public", "parameter 'o'", "parameter 'a'");
        assertEquals(4, r.errors().size(), all);
    }

    @Test
    void duplicateCNamesAreRefused() throws IOException {
        String e = onlyError("@CExport(\"same\") public static void a() {}\n@CExport(\"same\") public static void b() {}");
        assertMentions(e, "t.Bad.b()", "C name bad_same is already used");
    }

    @Test
    void invalidCNameIsRefused() throws IOException {
        String e = onlyError("@CExport(\"not-an-identifier\") public static void a() {}");
        assertMentions(e, "t.Bad.a()", "bad_not-an-identifier", "not a C identifier");
    }

    @Test
    void invalidSettingsAreRefused() throws IOException {
        Result r = compile("t.Bad", "package t;\nimport dev.javabridge.export.*;\n"
                + "@CExportHeader(prefix = \"9x\", includeGuard = \"has space\")\n"
                + "public class Bad { @CExport public static void a() {} }\n");
        assertFalse(r.ok());
        String all = String.join("\n", r.errors());
        assertMentions(all, "prefix \"9x\"", "includeGuard \"has space\"");
    }

    @Test
    void writesHeaderAndSourceWithDefaults() throws IOException {
        Result r = compile("t.MathOps", "package t;\nimport dev.javabridge.export.*;\n"
                + "public class MathOps {\n"
                + "  public record Point(double x, double y) {}\n"
                + "  /**\n   * Adds {@code a} and b. Not a comment start: /* in text.\n   *\n"
                + "   * @param a the first\n   * @param out_len a name the out-parameters use\n"
                + "   * @return the sum\n   * @throws ArithmeticException never\n   */\n"
                + "  @CExport public static int addTwo(int a, int out_len) { return a + out_len; }\n"
                + "  @CExport(\"mid\") public static Point midpoint(Point p, byte[] data, String s) { return p; }\n"
                + "  @CExport public static void nothing() {}\n"
                + "}\n");
        assertTrue(r.ok(), () -> r.errors().toString());
        assertEquals(List.of("math_ops.c", "math_ops.h"), r.files());
        String h = r.file("math_ops.h");
        assertMentions(h, "#ifndef MATH_OPS_H\n#define MATH_OPS_H\n", "#endif /* MATH_OPS_H */",
                "Auto-generated", "do not edit", "Adds a and b. Not a comment start: / * in text.",
                "@param a the first", "@param out_len_2 a name", "@param[out] out the sum",
                "@throws ArithmeticException (as JB_EJAVA) never",
                "int math_ops_add_two(int32_t a, int32_t out_len_2, int32_t *out);",
                "typedef struct math_ops_point {\n    double x;\n    double y;\n} math_ops_point;",
                "int math_ops_mid(math_ops_point p, const uint8_t *data, size_t data_len, const char *s, math_ops_point *out);",
                "int math_ops_nothing(void);", "void math_ops_free_bytes(uint8_t *bytes);",
                "void math_ops_free_string(char *s);", "JB_EINVAL (out NULL, data NULL with data_len > 0)",
                "extern \"C\"");
        assertFalse(h.contains("/* in text"), "Javadoc text must not nest a C comment (-Wcomment)");
        String c = r.file("math_ops.c");
        assertMentions(c, "#include \"math_ops.h\"", "\"t.MathOps\", \"addTwo\", \"(II)I\"",
                "\"t.MathOps$Point\", \"<init>\", \"(DD)V\"", "\"midpoint\", \"(Lt/MathOps$Point;[BLjava/lang/String;)Lt/MathOps$Point;\"",
                "jb_cexport_fail(JB_EINVAL, \"math_ops_add_two: out must not be NULL\")");
    }

    @Test
    void primitiveMethodsCallTheTypedEntryPointWithCValues() throws IOException {
        Result r = compile("t.Prims", "package t;\nimport dev.javabridge.export.*;\n"
                + "public class Prims {\n"
                + "  @CExport public static float mix(boolean z, byte b, char c, short s, int i, long j, float f, double d) { return f; }\n"
                + "  @CExport public static void nine(int a, int b, int c, int d, int e, int f, int g, int h, int k) {}\n"
                + "  @CExport public static String echo(String s) { return s; }\n"
                + "}\n");
        assertTrue(r.ok(), () -> r.errors().toString());
        String c = r.file("prims.c");
        // Eight primitive parameters: C values in the members of their descriptor letters, one call.
        assertMentions(c, "jb_cexport_value jbx_args[8];", "jbx_args[0].z = z;", "jbx_args[1].b = b;",
                "jbx_args[2].c = c;", "jbx_args[3].s = s;", "jbx_args[4].i = i;", "jbx_args[5].j = j;",
                "jbx_args[6].f = f;", "jbx_args[7].d = d;",
                "jbx_rc = jb_cexport_call_static(&jbx_site_prims_mix, jbx_args, 8, &jbx_r, &jbx_fn, &jbx_how);",
                "if (jbx_rc == JB_CEXPORT_TAKE_FFM) {", "jbx_rc = jb_cexport_upcall_end(jbx_how);",
                "jbx_rc = jb_cexport_call_static(&jbx_site_prims_mix, jbx_args, 8, &jbx_r, NULL, NULL);",
                "*out = jbx_r.f;");
        // Over JB_CEXPORT_MAX_VALUES: the jb_arg path, as before; references: jb_call_* only.
        assertMentions(c, "jb_call_static_void(jbx_m, jbx_args, 9)", "jb_call_static_string(jbx_m, jbx_args, 1, out, out_len)");
        assertFalse(c.contains("jb_cexport_call_static(&jbx_site_prims_nine"), "nine parameters exceed the typed entry point");
        assertFalse(c.contains("jb_cexport_call_static(&jbx_site_prims_echo"), "a String is not a C value");
    }

    @Test
    void settingsRenameEverything() throws IOException {
        Result r = compile("t.Ops", "package t;\nimport dev.javabridge.export.*;\n"
                + "@CExportHeader(name = \"my_api\", prefix = \"\", includeGuard = \"MY_API_INCLUDED\", "
                + "freeBytes = \"release_buffer\", freeString = \"release_text\")\n"
                + "public class Ops { @CExport public static byte[] data() { return null; } }\n");
        assertTrue(r.ok(), () -> r.errors().toString());
        String h = r.file("my_api.h");
        assertMentions(h, "#ifndef MY_API_INCLUDED", "int data(uint8_t **out, size_t *out_len);",
                "void release_buffer(uint8_t *bytes);", "void release_text(char *s);",
                "frees with release_buffer()");
    }
}
