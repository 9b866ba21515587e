package dev.javabridge.bindgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the JDK 22+ copy of the public class (--java22-out) and its FFM holder, {@code <className>Ffm}, for a
 * multi-release jar's META-INF/versions/22. The copy is JavaWriter's own public class, so its API, checks and
 * exceptions are the same; only its calls go to the holder, which calls C through downcall handles when the JVM
 * grants native access and through the JNI natives otherwise. The holder's methods have the natives' signatures
 * and return what the JNI glue would have returned (a status packed with its out value included).
 */
final class FfmWriter {
    private final Binding b;
    private final Config cfg;
    private final JavaWriter jw;
    private final CWriter cw;
    /** Why each function stays on JNI, by C name; absent when it goes through FFM. */
    private final Map<String, String> onJni = new LinkedHashMap<>();

    FfmWriter(Binding b, Config cfg, String header) {
        this.b = b;
        this.cfg = cfg;
        this.jw = new JavaWriter(b, cfg, header);
        this.cw = new CWriter(b, cfg, header);
        for (Binding.Function f : b.functions) {
            String why = jniReason(f);
            if (why != null) {
                onJni.put(f.c().name(), why);
            }
        }
    }

    private String ffm() {
        return cfg.className + "Ffm";
    }

    private boolean downcall(Binding.Function f) {
        return !onJni.containsKey(f.c().name());
    }

    /** The functions that stay on JNI, each with why. */
    Map<String, String> onJni() {
        return onJni;
    }

    /** The C functions the holder calls through FFM. */
    List<String> symbols() {
        return b.functions.stream().filter(this::downcall).map(f -> f.c().name()).toList();
    }

    void write(Path javaRoot) throws IOException {
        Path dir = javaRoot.resolve(cfg.packageName.replace('.', '/'));
        Files.createDirectories(dir);
        jw.callTarget = f -> downcall(f) ? ffm() : jw.nat();
        String api = jw.api().replace("}, bound through JNI.\n", "}, bound through FFM downcalls on JDK 22+\n"
                + " * when the JVM grants native access to this class's module, and through JNI otherwise.\n");
        Files.writeString(dir.resolve(cfg.className + ".java"), api);
        Files.writeString(dir.resolve(ffm() + ".java"), holder());
    }

    // ---- which functions go through FFM -------------------------------------------------------

    private String jniReason(Binding.Function f) {
        if (f.internal()) {
            return "internal (called by handles only)";
        }
        if (b.errno(f) && !cw.errnoWrapped(f)) {
            // The glue's wrapper (ffmAddress gives it) clears and takes errno as the native does; without a status the
            // glue throws right after the call, and a parameter C cannot spell back has no wrapper.
            return f.status() ? "errno is captured by the JNI glue (a parameter type the wrapper cannot spell)"
                    : "errno without a status: the JNI glue throws right after the call";
        }
        boolean leaf = !Boolean.FALSE.equals(cfg.options(f.c().name()).leaf);
        for (Binding.Param p : f.params()) {
            switch (p.kind()) {
                case VALUE:
                    break;
                case ARRAY:
                    if (p.pointer().pointee() instanceof HeaderType.StructRef) {
                        return "structs cross as record bytes, which C must read from aligned memory: the JNI glue copies them there";
                    }
                    if (!leaf) {
                        // Only a critical downcall may take a Java array in place; a copy would cost what JNI costs.
                        return "not a leaf (config), and it takes arrays";
                    }
                    break;
                case LENGTH:
                    if (!(p.type() instanceof HeaderType.Prim)) {
                        return "count of type " + p.type().spelling();
                    }
                    break;
                case LENGTH_INOUT:
                case OUT:
                    if (f.result() != Binding.ResultKind.OUT_PACKED || !(p.pointer().pointee() instanceof HeaderType.Prim)) {
                        return "an out value wider than 32 bits or without a status (the JNI holder array)";
                    }
                    break;
                case STRING:
                    if (!leaf) {
                        return "not a leaf (config), and it takes a string";
                    }
                    break;
                case NULLABLE_STRING:
                case STRING_OUT:
                    return "strings that may be null or that C writes: copied by the JNI glue";
                case HANDLE:
                case HANDLE_OUT:
                    return "handles";
                case CALLBACK:
                case USER_DATA:
                    return "callbacks (upcall stubs are not generated yet)";
                case STRUCT_IN:
                case STRUCT_OUT:
                    return "structs cross as record bytes, which C must read from aligned memory: the JNI glue copies them there";
                default:
                    return p.kind() + " parameters";
            }
        }
        switch (f.result()) {
            case VOID:
            case RETURN:
            case OUT_PACKED:
                break;
            case OUT_ARRAY:
            case OUT_LENGTH:
                // The writer could make them; no binding of this build runs one on JDK 25 yet, so none is generated.
                return "an array or count returned through a parameter (not yet on FFM)";
            case STRING_RETURN:
                if (f.freeWith() != null) {
                    return "a returned string freed with " + f.freeWith() + ": copied and freed by the JNI glue";
                }
                // A borrowed string: measured and copied in Java (cString), as the glue does.
                return null;
            case SIZED_RETURN:
                return "a returned string of a given length: copied by the JNI glue";
            case HANDLE_RETURN:
                return "handles";
            default:
                return "structs by value";
        }
        if (!(f.returnType() instanceof HeaderType.Void) && !(f.returnType() instanceof HeaderType.Prim)) {
            return "returns " + f.returnType().spelling();
        }
        return null;
    }

    // ---- the holder -----------------------------------------------------------------------------

    private static String layout(HeaderType.Kind k) {
        if (k == HeaderType.Kind.BOOL) {
            return "JAVA_BOOLEAN";
        }
        if (k.floating) {
            return k.size == 4 ? "JAVA_FLOAT" : "JAVA_DOUBLE";
        }
        return switch (k.size) {
            case 1 -> "JAVA_BYTE";
            case 2 -> "JAVA_SHORT";
            case 4 -> "JAVA_INT";
            default -> "JAVA_LONG";
        };
    }

    /** The Java type of a layout. */
    private static String carrier(HeaderType.Kind k) {
        return switch (layout(k)) {
            case "JAVA_BOOLEAN" -> "boolean";
            case "JAVA_BYTE" -> "byte";
            case "JAVA_SHORT" -> "short";
            case "JAVA_INT" -> "int";
            case "JAVA_FLOAT" -> "float";
            case "JAVA_DOUBLE" -> "double";
            default -> "long";
        };
    }

    /** The native's Java value v (Types.java(k)) as C's k: the bits the glue's cast keeps. */
    private static String toC(HeaderType.Kind k, String v) {
        String c = carrier(k);
        return c.equals(Types.java(k)) ? v : "(" + c + ") " + v;
    }

    /** An int count as C's k. */
    private static String countToC(HeaderType.Kind k, String v) {
        String c = carrier(k);
        return c.equals("int") ? v : "(" + c + ") " + v;
    }

    /** C's k (in its carrier) as the native returns it: what the glue's (jXXX) cast of the C value gives. */
    private static String fromC(HeaderType.Kind k, String v) {
        return switch (k) {
            case UCHAR -> "Byte.toUnsignedInt(" + v + ")";
            case USHORT -> "Short.toUnsignedInt(" + v + ")";
            case UINT -> "Integer.toUnsignedLong(" + v + ")";
            default -> v;
        };
    }

    /** The glue's (uint32_t) of C's k, as a Java long. */
    private static String low32(HeaderType.Kind k, String v) {
        if (k == HeaderType.Kind.BOOL) {
            return "(" + v + " ? 1L : 0L)";
        }
        if (k.size == 8) {
            return "(" + v + " & 0xFFFFFFFFL)";
        }
        String widened = k.signed ? "(long) " + v : fromC(k.size == 4 ? HeaderType.Kind.UINT : k.size == 2
                ? HeaderType.Kind.USHORT : HeaderType.Kind.UCHAR, v);
        return "(" + widened + " & 0xFFFFFFFFL)";
    }

    /** C's k, zero- or sign-extended as C compares it with an int count. */
    private static String asLong(HeaderType.Kind k, String v) {
        if (k.size == 8) {
            return v;
        }
        if (k.signed) {
            return "(long) " + v;
        }
        return "(" + fromC(k.size == 4 ? HeaderType.Kind.UINT : k.size == 2 ? HeaderType.Kind.USHORT : HeaderType.Kind.UCHAR, v)
                + " & 0xFFFFFFFFL)";
    }

    private static boolean usesLong(HeaderType t) {
        return t instanceof HeaderType.Prim p && (p.kind() == HeaderType.Kind.LONG || p.kind() == HeaderType.Kind.ULONG);
    }

    private static HeaderType.Kind kind(HeaderType t) {
        return ((HeaderType.Prim) t).kind();
    }

    private static String constant(Binding.Function f) {
        return "C_" + f.c().name().toUpperCase(java.util.Locale.ROOT);
    }

    /** One downcall: its descriptor, and the holder method that makes it. */
    private final class Downcall {
        final Binding.Function f;
        final List<String> layouts = new ArrayList<>();
        final List<String> args = new ArrayList<>();
        final StringBuilder before = new StringBuilder();
        final StringBuilder after = new StringBuilder();
        /** The out values in the per-thread slot: their C kinds, 8 bytes each. */
        final List<HeaderType.Kind> slots = new ArrayList<>();
        boolean cLong;
        boolean arrays;
        /** The expression of the value the glue packs or returns from an out parameter. */
        String outValue;
        HeaderType.Kind outKind;

        Downcall(Binding.Function f) {
            this.f = f;
            cLong = usesLong(f.returnType());
            for (Binding.Param p : f.params()) {
                String n = p.javaName();
                switch (p.kind()) {
                    case VALUE -> {
                        layouts.add(layout(kind(p.type())));
                        args.add(toC(kind(p.type()), n));
                        cLong |= usesLong(p.type());
                    }
                    case ARRAY -> {
                        HeaderType.Kind e = kind(p.pointer().pointee());
                        layouts.add("ADDRESS");
                        args.add("MemorySegment.ofArray(" + n + ").asSlice(" + (e.size == 1 ? "" : "(long) ") + n + "Offset" + (e.size == 1 ? "" : " * " + e.size) + ")");
                        arrays = true;
                    }
                    case STRING -> {
                        // Java's strict UTF-8 with its NUL (cString), passed in place as the glue pins it.
                        layouts.add("ADDRESS");
                        args.add("MemorySegment.ofArray(" + n + ")");
                        arrays = true;
                    }
                    case LENGTH -> {
                        layouts.add(layout(kind(p.type())));
                        args.add(countToC(kind(p.type()), n));
                        cLong |= usesLong(p.type());
                    }
                    case LENGTH_INOUT, OUT -> {
                        HeaderType.Kind k = kind(p.pointer().pointee());
                        cLong |= usesLong(p.pointer().pointee());
                        int at = slots.size() * 8;
                        slots.add(k);
                        layouts.add("ADDRESS");
                        args.add(at == 0 ? "cSlot" : "cSlot.asSlice(" + at + ")");
                        // As the glue's local starts: the capacity in, or zero.
                        before.append("        cSlot.set(").append(layout(k)).append(", ").append(at).append(", ")
                                .append(p.kind() == Binding.Kind.OUT ? zero(k) : countToC(k, n)).append(");\n");
                        String v = n + "Out";
                        after.append("        ").append(carrier(k)).append(' ').append(v).append(" = cSlot.get(").append(layout(k))
                                .append(", ").append(at).append(");\n");
                        if (p.kind() == Binding.Kind.LENGTH_INOUT) {
                            String test = !k.signed
                                    ? "Long.compareUnsigned(" + asLong(k, v) + ", " + n + ") > 0" : asLong(k, v) + " > " + n;
                            after.append("        if (").append(f.status() ? cfg.className + ".isSuccess(cRc) && " : "")
                                    .append(test).append(") {\n            throw new IllegalStateException(\"").append(f.c().name())
                                    .append(" reported \" + Long.toUnsignedString(").append(asLong(k, v))
                                    .append(") + \" elements in a buffer of \" + ").append(n).append(");\n        }\n");
                        }
                        if (p.equals(f.resultParam())) {
                            outValue = v;
                            outKind = k;
                        }
                    }
                    default -> throw new IllegalStateException(p.kind() + " has no downcall");
                }
            }
        }

        private static String zero(HeaderType.Kind k) {
            return switch (carrier(k)) {
                case "boolean" -> "false";
                case "byte" -> "(byte) 0";
                case "short" -> "(short) 0";
                case "float" -> "0f";
                case "double" -> "0d";
                case "long" -> "0L";
                default -> "0";
            };
        }

        String descriptor() {
            String args = String.join(", ", layouts);
            if (f.result() == Binding.ResultKind.STRING_RETURN) {
                return "FunctionDescriptor.of(ADDRESS" + (args.isEmpty() ? "" : ", " + args) + ")";
            }
            if (f.returnType() instanceof HeaderType.Void) {
                return "FunctionDescriptor.ofVoid(" + args + ")";
            }
            return "FunctionDescriptor.of(" + layout(kind(f.returnType())) + (args.isEmpty() ? "" : ", " + args) + ")";
        }

        void method(StringBuilder o) {
            List<String> params = jw.nativeParams(f);
            String ret = ResultCrossing.of(f.result()).nativeReturn(f);
            List<String> names = params.stream().map(p -> p.substring(p.lastIndexOf(' ') + 1)).toList();
            String h = constant(f);
            o.append("\n    static ").append(ret).append(' ').append(f.javaName()).append('(').append(String.join(", ", params))
                    .append(") {\n");
            o.append("        if (").append(h).append(" == null) {\n            ").append(ret.equals("void") ? "" : "return ")
                    .append(jw.nat()).append('.').append(f.javaName()).append('(').append(String.join(", ", names)).append(");\n");
            o.append(ret.equals("void") ? "            return;\n" : "").append("        }\n");
            if (!slots.isEmpty()) {
                o.append("        MemorySegment cSlot = SLOT.get();\n");
            }
            o.append(before);
            String call = h + ".invokeExact(" + String.join(", ", args) + ")";
            boolean hasResult = !(f.returnType() instanceof HeaderType.Void);
            boolean string = f.result() == Binding.ResultKind.STRING_RETURN;
            HeaderType.Kind rk = hasResult && !string ? kind(f.returnType()) : null;
            String resultDecl;
            if (string) {
                o.append("        MemorySegment cResult;\n");
                resultDecl = "cResult = (MemorySegment) ";
            } else if (!hasResult) {
                resultDecl = null;
            } else if (f.status()) {
                o.append("        int cRc;\n");
                resultDecl = "cRc = " + (carrier(rk).equals("int") ? "" : "(int) ") + "(" + carrier(rk) + ") ";
            } else {
                o.append("        ").append(carrier(rk)).append(" cResult;\n");
                resultDecl = "cResult = (" + carrier(rk) + ") ";
            }
            o.append("        try {\n            ").append(resultDecl == null ? "" : resultDecl).append(call).append(";\n")
                    .append("        } catch (Throwable t) {\n            throw unexpected(t);\n        }\n");
            o.append(after);
            switch (f.result()) {
                case OUT_PACKED -> o.append("        return ((long) cRc << 32) | ").append(low32(outKind, outValue)).append(";\n");
                case RETURN -> o.append("        return ").append(fromC(rk, "cResult")).append(";\n");
                case STRING_RETURN -> o.append("        return cString(cResult, \"").append(f.c().name()).append("\");\n");
                default -> {
                    if (f.status()) {
                        o.append("        return cRc;\n");
                    }
                }
            }
            o.append("    }\n");
        }
    }

    private String holder() {
        List<Downcall> calls = b.functions.stream().filter(this::downcall).map(Downcall::new).toList();
        boolean slot = calls.stream().anyMatch(c -> !c.slots.isEmpty());
        boolean cLong = calls.stream().anyMatch(c -> c.cLong);
        int slotBytes = calls.stream().mapToInt(c -> c.slots.size() * 8).max().orElse(0);
        boolean strings = calls.stream().anyMatch(c -> c.f.result() == Binding.ResultKind.STRING_RETURN);
        StringBuilder o = new StringBuilder();
        o.append("// Generated by javabridge-bindgen (--java22-out). Do not edit: change the config and regenerate.\n");
        o.append("package ").append(cfg.packageName).append(";\n\n");
        o.append("import static java.lang.foreign.ValueLayout.*;\n\n");
        o.append("import java.lang.foreign.Arena;\nimport java.lang.foreign.FunctionDescriptor;\nimport java.lang.foreign.Linker;\n")
                .append("import java.lang.foreign.MemorySegment;\nimport java.lang.invoke.MethodHandle;\n\n");
        o.append("/**\n * The calls behind {@link ").append(cfg.className).append("} on JDK 22+: FFM downcall handles, made once, when the\n")
                .append(" * JVM grants this class's module native access (asked first, so that no warning is printed), and the\n")
                .append(" * JNI natives of {@link ").append(jw.nat()).append("} otherwise. Each method takes what the native takes and\n")
                .append(" * returns what the JNI glue returns. Leaf functions are critical downcalls: Java arrays are passed in place.\n");
        if (!onJni.isEmpty()) {
            o.append(" *\n * <p>On JNI on every JDK:\n * <ul>\n");
            onJni.forEach((name, why) -> o.append(" *   <li>{@code ").append(name).append("}: ").append(why).append("</li>\n"));
            o.append(" * </ul>\n");
        }
        o.append(" */\nfinal class ").append(ffm()).append(" {\n");
        o.append("    /** Whether the downcalls are made (for tests and benchmarks); false: every call goes to JNI. */\n");
        o.append("    static final boolean ENABLED;\n");
        o.append("    /** Why they are not, or null. */\n    static final String WHY_NOT;\n");
        for (Downcall c : calls) {
            o.append("    private static final MethodHandle ").append(constant(c.f)).append(";\n");
        }
        if (strings) {
            o.append("    /** C's strlen, for the strings C returns. */\n    private static final MethodHandle STRLEN;\n");
        }
        if (slot) {
            // Out values of status functions: one small C buffer per thread, so a call allocates nothing.
            // Leaf functions do not call back, so no second call can use the slot before the first has read it.
            o.append("    private static final ThreadLocal<MemorySegment> SLOT = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(")
                    .append(slotBytes).append(", 8));\n");
        }
        o.append("\n    static {\n");
        for (Downcall c : calls) {
            o.append("        MethodHandle ").append(Types.camel(c.f.c().name())).append("H = null;\n");
        }
        if (strings) {
            o.append("        MethodHandle strlenH = null;\n");
        }
        o.append("        String whyNot = null;\n");
        o.append("        if (!").append(ffm()).append(".class.getModule().isNativeAccessEnabled()) {\n")
                .append("            whyNot = \"native access is not enabled\";\n")
                .append("        } else {\n            try {\n");
        if (cfg.loader != null) {
            o.append("                ").append(cfg.loader).append("();\n");
        } else {
            // The same library the natives use: its symbols are then in this class loader's lookup.
            o.append("                dev.javabridge.NativeLoader.load(").append(jw.nat()).append(".class, \"").append(cfg.library).append("\");\n");
        }
        o.append("                Linker linker = Linker.nativeLinker();\n");
        if (strings) {
            o.append("                strlenH = linker.downcallHandle(linker.defaultLookup().find(\"strlen\").orElseThrow(\n")
                    .append("                        () -> new IllegalArgumentException(\"the C library has no strlen\")), FunctionDescriptor.of(JAVA_LONG, ADDRESS),\n")
                    .append("                        Linker.Option.critical(false));\n");
        }
        if (calls.stream().anyMatch(c -> c.arrays)) {
            o.append("                Linker.Option critical = Linker.Option.critical(true);\n");
        } else if (calls.stream().anyMatch(c -> leaf(c.f))) {
            o.append("                Linker.Option critical = Linker.Option.critical(false);\n");
        }
        if (cLong) {
            // The binding maps C's long to a Java long: where C's is narrower (Windows), those functions stay on JNI.
            o.append("                boolean long64 = linker.canonicalLayouts().get(\"long\").byteSize() == 8;\n");
        }
        for (Downcall c : calls) {
            String link = "linker.downcallHandle(symbol(\"" + c.f.c().name() + "\"), " + c.descriptor()
                    + (leaf(c.f) ? ", critical" : "") + ")";
            o.append("                ").append(Types.camel(c.f.c().name())).append("H = ").append(c.cLong ? "long64 ? " + link + " : null" : link)
                    .append(";\n");
        }
        o.append("            } catch (IllegalArgumentException e) {\n")
                .append("                // A descriptor this platform refuses (or a function the glue lacks): all on JNI.\n")
                .append("                whyNot = e.toString();\n");
        for (Downcall c : calls) {
            o.append("                ").append(Types.camel(c.f.c().name())).append("H = null;\n");
        }
        if (strings) {
            o.append("                strlenH = null;\n");
        }
        o.append("            }\n        }\n");
        if (strings) {
            o.append("        STRLEN = strlenH;\n");
        }
        for (Downcall c : calls) {
            o.append("        ").append(constant(c.f)).append(" = ").append(Types.camel(c.f.c().name())).append("H;\n");
        }
        o.append("        ENABLED = whyNot == null;\n        WHY_NOT = whyNot;\n    }\n\n");
        o.append("    private ").append(ffm()).append("() {}\n");
        for (Downcall c : calls) {
            c.method(o);
        }
        if (strings) {
            // What the glue does with a borrowed string it returns: its bytes without the NUL, or null for NULL.
            o.append("\n    /** The bytes of a C string C lends (not freed), without its NUL; null for NULL. */\n")
                    .append("    private static byte[] cString(MemorySegment s, String function) {\n")
                    .append("        if (s.address() == 0) {\n            return null;\n        }\n        long length;\n")
                    .append("        try {\n            length = (long) STRLEN.invokeExact(s);\n")
                    .append("        } catch (Throwable t) {\n            throw unexpected(t);\n        }\n")
                    .append("        if (length > Integer.MAX_VALUE) {\n")
                    .append("            throw new IllegalStateException(function + \" returned a string longer than a Java array\");\n        }\n")
                    .append("        return s.reinterpret(length).toArray(JAVA_BYTE);\n    }\n");
        }
        // From the glue, not a lookup by name: other libraries of the class loader may export the same names.
        o.append("\n    /** The C function as the glue was linked with it: the one its natives call. */\n")
                .append("    private static MemorySegment symbol(String name) {\n")
                .append("        long address = ").append(jw.nat()).append('.').append(Binding.ADDRESS_NATIVE).append("(name);\n")
                .append("        if (address == 0) {\n")
                .append("            throw new IllegalArgumentException(name + \" is not among the functions of the glue library\");\n")
                .append("        }\n        return MemorySegment.ofAddress(address);\n    }\n");
        o.append("""

                    /** invokeExact declares Throwable; a downcall throws only what the JVM throws (errors such as StackOverflowError). */
                    private static RuntimeException unexpected(Throwable t) {
                        if (t instanceof RuntimeException r) {
                            return r;
                        }
                        if (t instanceof Error e) {
                            throw e;
                        }
                        return new IllegalStateException(t);
                    }
                }
                """);
        return o.toString();
    }

    private boolean leaf(Binding.Function f) {
        return !Boolean.FALSE.equals(cfg.options(f.c().name()).leaf);
    }
}
