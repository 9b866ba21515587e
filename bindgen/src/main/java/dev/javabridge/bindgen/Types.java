package dev.javabridge.bindgen;

import java.util.Locale;
import java.util.Set;

/** How each C scalar crosses: its Java type, its JNI type, its array form, the range Java checks. */
final class Types {
    private Types() {}

    static String java(HeaderType.Kind k) {
        switch (k) {
            case BOOL: return "boolean";
            case CHAR: case SCHAR: return "byte";
            case SHORT: return "short";
            case UCHAR: case USHORT: case INT: return "int";
            case UINT: case LONG: case ULONG: case LLONG: case ULLONG: return "long";
            case FLOAT: return "float";
            case DOUBLE: return "double";
            default: throw new IllegalArgumentException(k.toString());
        }
    }

    static String jni(HeaderType.Kind k) {
        return "j" + java(k);
    }

    /** The Java element type of an array of k: same width, bits kept (unsigned bytes arrive as Java's signed bytes). */
    static String arrayElement(HeaderType.Kind k) {
        if (k.floating) {
            return k.size == 4 ? "float" : "double";
        }
        switch (k.size) {
            case 1: return "byte";
            case 2: return "short";
            case 4: return "int";
            default: return "long";
        }
    }

    /** A Java expression that is true when v is outside what C's type k can hold, or null when every Java value fits. */
    static String outOfRange(HeaderType.Kind k, String v) {
        switch (k) {
            case UCHAR: return v + " < 0 || " + v + " > 0xFF";
            case USHORT: return v + " < 0 || " + v + " > 0xFFFF";
            case UINT: return v + " < 0 || " + v + " > 0xFFFFFFFFL";
            case ULONG: case ULLONG: return v + " < 0";
            default: return null;
        }
    }

    /** The largest element count a C length parameter of type k can hold, when smaller than Java's int range. */
    static String maxCount(HeaderType.Kind k) {
        switch (k) {
            case CHAR: case SCHAR: return "0x7F";
            case UCHAR: return "0xFF";
            case SHORT: return "0x7FFF";
            case USHORT: return "0xFFFF";
            default: return null;
        }
    }

    static boolean isInteger(HeaderType t) {
        return t instanceof HeaderType.Prim p && !p.kind().floating && p.kind() != HeaderType.Kind.BOOL;
    }

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "record", "var", "yield", "sealed", "permits");

    static String camel(String cName) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : cName.toCharArray()) {
            if (c == '_') {
                up = sb.length() > 0;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        String s = sb.length() == 0 ? "x" : sb.toString();
        return safe(s);
    }

    static String pascal(String cName) {
        String c = camel(cName);
        return c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1);
    }

    static String safe(String javaName) {
        return KEYWORDS.contains(javaName) ? javaName + "_" : javaName;
    }

    /** JNI's mangling of a Java name into a C symbol part. */
    static String mangle(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '.' || c == '/') {
                sb.append('_');
            } else if (c == '_') {
                sb.append("_1");
            } else if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else {
                sb.append(String.format("_0%04x", (int) c));
            }
        }
        return sb.toString();
    }
}
