package dev.javabridge.bindgen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the type spellings clang prints in its AST ("const Bytef *", "uLong", "struct Point")
 * and resolves typedefs through the typedef table of the same AST. Only what clang itself
 * printed is read: the header's own text never is.
 */
final class TypeResolver {
    private final Map<String, String> typedefs;
    private final Map<String, String> structsByName;
    private final Map<String, String> enumsByName;

    TypeResolver(Map<String, String> typedefs, Map<String, String> structsByName, Map<String, String> enumsByName) {
        this.typedefs = typedefs;
        this.structsByName = structsByName;
        this.enumsByName = enumsByName;
    }

    private static final Map<String, HeaderType.Kind> BUILTINS = new HashMap<>();

    static {
        put(HeaderType.Kind.BOOL, "_Bool", "bool");
        put(HeaderType.Kind.CHAR, "char");
        put(HeaderType.Kind.SCHAR, "signed char");
        put(HeaderType.Kind.UCHAR, "unsigned char");
        put(HeaderType.Kind.SHORT, "short", "short int", "signed short", "signed short int");
        put(HeaderType.Kind.USHORT, "unsigned short", "unsigned short int");
        put(HeaderType.Kind.INT, "int", "signed", "signed int");
        put(HeaderType.Kind.UINT, "unsigned int", "unsigned");
        put(HeaderType.Kind.LONG, "long", "long int", "signed long", "signed long int");
        put(HeaderType.Kind.ULONG, "unsigned long", "unsigned long int");
        put(HeaderType.Kind.LLONG, "long long", "long long int", "signed long long", "signed long long int");
        put(HeaderType.Kind.ULLONG, "unsigned long long", "unsigned long long int");
        put(HeaderType.Kind.FLOAT, "float");
        put(HeaderType.Kind.DOUBLE, "double");
    }

    /**
     * Typedefs of the same width on every target javabridge builds for (all 64-bit: linux_64, linux_arm64,
     * windows_64, macOS), whatever C type each target spells them with: glibc's int64_t is a long, Windows'
     * a long long. The pointer-sized ones are 64 bits on every such target.
     */
    private static final java.util.Set<String> SAME_ON_EVERY_TARGET = java.util.Set.of("int8_t", "uint8_t", "int16_t", "uint16_t",
            "int32_t", "uint32_t", "int64_t", "uint64_t", "int_least64_t", "uint_least64_t", "intmax_t", "uintmax_t",
            "size_t", "ssize_t", "ptrdiff_t", "intptr_t", "uintptr_t");

    /**
     * Whether spelling is, through its typedefs, C's long or unsigned long without a typedef that fixes its
     * width: 64 bits on LP64 targets (Linux, macOS), 32 on Windows (LLP64). The header is read on the host, so
     * the Java side assumes the host's 64 bits.
     */
    boolean widthDiffersByTarget(String spelling) {
        String s = stripQualifiers(spelling.trim().replaceAll("\\s+", " "));
        for (int depth = 0; depth < 32 && s != null; depth++) {
            if (SAME_ON_EVERY_TARGET.contains(s)) {
                return false;
            }
            HeaderType.Kind k = BUILTINS.get(s);
            if (k != null) {
                return k == HeaderType.Kind.LONG || k == HeaderType.Kind.ULONG;
            }
            String target = typedefs.get(s);
            s = target == null ? null : stripQualifiers(target.trim().replaceAll("\\s+", " "));
        }
        return false;
    }

    private static void put(HeaderType.Kind kind, String... names) {
        for (String n : names) {
            BUILTINS.put(n, kind);
        }
    }

    HeaderType resolve(String spelling) {
        return resolve(spelling, 0);
    }

    private HeaderType resolve(String raw, int depth) {
        String s = raw.trim().replaceAll("\\s+", " ");
        if (depth > 32) {
            return new HeaderType.Unsupported(s, "typedef chain too deep");
        }
        if (s.contains("(")) {
            return functionPointer(null, s, depth);
        }
        if (s.contains("[")) {
            return new HeaderType.Unsupported(s, "fixed-size array");
        }
        if (s.endsWith(" const")) {
            s = s.substring(0, s.length() - " const".length()).trim();
        }
        if (s.endsWith("*")) {
            String inner = s.substring(0, s.length() - 1).trim();
            boolean constPointee = inner.startsWith("const ") || inner.endsWith(" const");
            HeaderType pointee = resolve(inner, depth + 1);
            return new HeaderType.Pointer(pointee, constPointee, s);
        }
        String bare = stripQualifiers(s);
        if (bare.startsWith("struct ")) {
            String tag = bare.substring("struct ".length());
            return new HeaderType.StructRef(tag, bare);
        }
        if (bare.startsWith("union ")) {
            return new HeaderType.Unsupported(bare, "union (its active member is unknowable to Java)");
        }
        if (bare.startsWith("enum ")) {
            return new HeaderType.EnumRef(bare.substring("enum ".length()), bare);
        }
        if (bare.equals("void")) {
            return new HeaderType.Void(bare);
        }
        HeaderType.Kind kind = BUILTINS.get(bare);
        if (kind != null) {
            return new HeaderType.Prim(kind, bare);
        }
        if (List.of("long double", "__int128", "unsigned __int128", "_Complex").stream().anyMatch(bare::contains)) {
            return new HeaderType.Unsupported(bare, "no Java type of this width (long double, __int128, complex)");
        }
        if (structsByName.containsKey(bare)) {
            return new HeaderType.StructRef(bare, bare);
        }
        if (enumsByName.containsKey(bare)) {
            return new HeaderType.EnumRef(bare, bare);
        }
        String target = typedefs.get(bare);
        if (target == null) {
            return new HeaderType.Unsupported(bare, "unknown type");
        }
        if (target.contains("(")) {
            return functionPointer(bare, target.trim().replaceAll("\\s+", " "), depth);
        }
        HeaderType t = resolve(target, depth + 1);
        return respell(t, bare);
    }

    private static final java.util.regex.Pattern FUNCTION_POINTER = java.util.regex.Pattern.compile("^(.+?)\\s*\\(\\*\\)\\s*\\((.*)\\)$");

    /** "int (*)(void *, int)", named by its typedef when it has one; anything more intricate is refused. */
    private HeaderType functionPointer(String name, String s, int depth) {
        String spelling = name != null ? name : s;
        java.util.regex.Matcher m = FUNCTION_POINTER.matcher(s);
        if (!m.matches() || m.group(1).contains("(") || m.group(2).contains("(")) {
            return new HeaderType.Unsupported(spelling, "function type other than a plain function pointer");
        }
        String list = m.group(2).trim();
        List<HeaderType> params = new java.util.ArrayList<>();
        if (!list.isEmpty() && !list.equals("void")) {
            for (String p : list.split(",")) {
                if (p.trim().equals("...")) {
                    return new HeaderType.Unsupported(spelling, "callback with varargs");
                }
                params.add(resolve(p, depth + 1));
            }
        }
        return new HeaderType.FunctionPointer(name, resolve(m.group(1), depth + 1), params, spelling);
    }

    /** A typedef keeps the typedef's name as its spelling so that the glue declares what the header declares. */
    private static HeaderType respell(HeaderType t, String name) {
        if (t instanceof HeaderType.Prim p) {
            return new HeaderType.Prim(p.kind(), name);
        }
        if (t instanceof HeaderType.Pointer p) {
            return new HeaderType.Pointer(p.pointee(), p.constPointee(), name);
        }
        if (t instanceof HeaderType.StructRef r) {
            return new HeaderType.StructRef(r.name(), name);
        }
        if (t instanceof HeaderType.EnumRef e) {
            return new HeaderType.EnumRef(e.name(), name);
        }
        if (t instanceof HeaderType.Void) {
            return new HeaderType.Void(name);
        }
        return t;
    }

    static String stripQualifiers(String s) {
        String out = s;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String q : new String[] {"const ", "volatile ", "restrict ", "__restrict "}) {
                if (out.startsWith(q)) {
                    out = out.substring(q.length());
                    changed = true;
                }
            }
            for (String q : new String[] {" const", " volatile", " restrict", " __restrict"}) {
                if (out.endsWith(q)) {
                    out = out.substring(0, out.length() - q.length());
                    changed = true;
                }
            }
        }
        return out.trim();
    }
}
