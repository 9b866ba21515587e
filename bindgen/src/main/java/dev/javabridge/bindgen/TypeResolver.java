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

    private static final Map<String, CType.Kind> BUILTINS = new HashMap<>();

    static {
        put(CType.Kind.BOOL, "_Bool", "bool");
        put(CType.Kind.CHAR, "char");
        put(CType.Kind.SCHAR, "signed char");
        put(CType.Kind.UCHAR, "unsigned char");
        put(CType.Kind.SHORT, "short", "short int", "signed short", "signed short int");
        put(CType.Kind.USHORT, "unsigned short", "unsigned short int");
        put(CType.Kind.INT, "int", "signed", "signed int");
        put(CType.Kind.UINT, "unsigned int", "unsigned");
        put(CType.Kind.LONG, "long", "long int", "signed long", "signed long int");
        put(CType.Kind.ULONG, "unsigned long", "unsigned long int");
        put(CType.Kind.LLONG, "long long", "long long int", "signed long long", "signed long long int");
        put(CType.Kind.ULLONG, "unsigned long long", "unsigned long long int");
        put(CType.Kind.FLOAT, "float");
        put(CType.Kind.DOUBLE, "double");
    }

    private static void put(CType.Kind kind, String... names) {
        for (String n : names) {
            BUILTINS.put(n, kind);
        }
    }

    CType resolve(String spelling) {
        return resolve(spelling, 0);
    }

    private CType resolve(String raw, int depth) {
        String s = raw.trim().replaceAll("\\s+", " ");
        if (depth > 32) {
            return new CType.Unsupported(s, "typedef chain too deep");
        }
        if (s.contains("(")) {
            return new CType.Unsupported(s, "function pointer (callbacks are not generated)");
        }
        if (s.contains("[")) {
            return new CType.Unsupported(s, "fixed-size array");
        }
        if (s.endsWith(" const")) {
            s = s.substring(0, s.length() - " const".length()).trim();
        }
        if (s.endsWith("*")) {
            String inner = s.substring(0, s.length() - 1).trim();
            boolean constPointee = inner.startsWith("const ") || inner.endsWith(" const");
            CType pointee = resolve(inner, depth + 1);
            return new CType.Pointer(pointee, constPointee, s);
        }
        String bare = stripQualifiers(s);
        if (bare.startsWith("struct ")) {
            String tag = bare.substring("struct ".length());
            return new CType.StructRef(tag, bare);
        }
        if (bare.startsWith("union ")) {
            return new CType.Unsupported(bare, "union (its active member is unknowable to Java)");
        }
        if (bare.startsWith("enum ")) {
            return new CType.EnumRef(bare.substring("enum ".length()), bare);
        }
        if (bare.equals("void")) {
            return new CType.Void(bare);
        }
        CType.Kind kind = BUILTINS.get(bare);
        if (kind != null) {
            return new CType.Prim(kind, bare);
        }
        if (List.of("long double", "__int128", "unsigned __int128", "_Complex").stream().anyMatch(bare::contains)) {
            return new CType.Unsupported(bare, "no Java type of this width (long double, __int128, complex)");
        }
        if (structsByName.containsKey(bare)) {
            return new CType.StructRef(bare, bare);
        }
        if (enumsByName.containsKey(bare)) {
            return new CType.EnumRef(bare, bare);
        }
        String target = typedefs.get(bare);
        if (target == null) {
            return new CType.Unsupported(bare, "unknown type");
        }
        CType t = resolve(target, depth + 1);
        return respell(t, bare);
    }

    /** A typedef keeps the typedef's name as its spelling so that the glue declares what the header declares. */
    private static CType respell(CType t, String name) {
        if (t instanceof CType.Prim p) {
            return new CType.Prim(p.kind(), name);
        }
        if (t instanceof CType.Pointer p) {
            return new CType.Pointer(p.pointee(), p.constPointee(), name);
        }
        if (t instanceof CType.StructRef r) {
            return new CType.StructRef(r.name(), name);
        }
        if (t instanceof CType.EnumRef e) {
            return new CType.EnumRef(e.name(), name);
        }
        if (t instanceof CType.Void) {
            return new CType.Void(name);
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
