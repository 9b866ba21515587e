package dev.javabridge.export;

import java.util.ArrayList;
import java.util.List;

/** The C parameter lists of generated functions, shared by the header and the source. */
final class CPrototypes {
    static final String OUT = "out";
    static final String OUT_LEN = "out_len";

    private CPrototypes() {}

    /** The C type of a by-value parameter or struct field. */
    static String valueType(ExportedType t) {
        return t.kind() == ExportedType.Kind.STRUCT ? t.struct().cName() : t.kind().c;
    }

    /** The C declarations of one Java parameter (byte arrays take two). */
    static List<String> paramDecls(ExportedMethod.Param p) {
        switch (p.type().kind()) {
            case STRING: return List.of("const char *" + p.cName());
            case BYTES: return List.of("const uint8_t *" + p.cName(), "size_t " + p.cName() + "_len");
            default: return List.of(valueType(p.type()) + " " + p.cName());
        }
    }

    /** The out-parameter declarations for a result. */
    static List<String> outDecls(ExportedType result) {
        switch (result.kind()) {
            case VOID: return List.of();
            case STRING: return List.of("char **" + OUT, "size_t *" + OUT_LEN);
            case BYTES: return List.of("uint8_t **" + OUT, "size_t *" + OUT_LEN);
            default: return List.of(valueType(result) + " *" + OUT);
        }
    }

    /** The argument names the public function passes to its implementation, in order. */
    static List<String> argNames(ExportedMethod m) {
        List<String> names = new ArrayList<>();
        for (ExportedMethod.Param p : m.params()) {
            names.add(p.cName());
            if (p.type().kind() == ExportedType.Kind.BYTES) {
                names.add(p.cName() + "_len");
            }
        }
        switch (m.result().kind()) {
            case VOID: break;
            case STRING: case BYTES: names.add(OUT); names.add(OUT_LEN); break;
            default: names.add(OUT);
        }
        return names;
    }

    /** "int name(decl, decl)", or "int name(void)". */
    static String prototype(String returnType, String name, ExportedMethod m) {
        List<String> decls = new ArrayList<>();
        m.params().forEach(p -> decls.addAll(paramDecls(p)));
        decls.addAll(outDecls(m.result()));
        return returnType + " " + name + "(" + (decls.isEmpty() ? "void" : String.join(", ", decls)) + ")";
    }
}
