package dev.javabridge.export;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Turning Java names into C names that compile as C11 and as C++. */
final class CNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Words a Java name may be but a C or C++ identifier may not (Java's own keywords cannot occur). */
    private static final Set<String> RESERVED = Set.of(
            "auto", "extern", "inline", "register", "restrict", "signed", "sizeof", "struct", "typedef", "union",
            "unsigned", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary",
            "_Noreturn", "_Static_assert", "_Thread_local", "alignas", "alignof", "and", "and_eq", "asm", "bitand",
            "bitor", "compl", "concept", "consteval", "constexpr", "constinit", "const_cast", "co_await",
            "co_return", "co_yield", "decltype", "delete", "dynamic_cast", "explicit", "export", "friend",
            "mutable", "namespace", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq",
            "reinterpret_cast", "requires", "static_assert", "static_cast", "template", "thread_local", "typeid",
            "typename", "using", "virtual", "wchar_t", "xor", "xor_eq", "char8_t", "char16_t", "char32_t", "bool",
            "true", "false", "NULL", "errno", "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t",
            "uint32_t", "uint64_t", "size_t");

    private CNames() {}

    /** camelCase or PascalCase to snake_case: "createBuffer" to "create_buffer", "HTTPServer" to "http_server". */
    static String snake(String javaName) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLowerOrDigit = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1))
                        || Character.isDigit(javaName.charAt(i - 1)));
                boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
                if (b.length() > 0 && b.charAt(b.length() - 1) != '_' && (prevLowerOrDigit || (prevUpper && nextLower))) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether name can name a C function, struct or macro (ASCII identifier, not a C or C++ keyword). */
    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** A parameter or field name that compiles: reserved words get a trailing underscore. */
    static String safeLocal(String javaName) {
        String s = snake(javaName);
        if (!IDENTIFIER.matcher(s).matches()) {
            s = s.replaceAll("[^A-Za-z0-9_]", "_");
        }
        return RESERVED.contains(s) || s.startsWith("jbx_") ? s + "_" : s;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
