package dev.javabridge.bindgen;

import java.util.List;

/**
 * How one kind of result comes back from C, in both generated halves: the public method's return
 * type and what it does after the native returns (status check, unsigned check, unpacking), the
 * native's return type, and how the C glue declares the C result and turns it into the JNI one.
 * One class per {@link Binding.ResultKind} in {@link ResultCrossings}, mapped in {@link #of} only.
 */
interface ResultCrossing {

    static ResultCrossing of(Binding.ResultKind kind) {
        return switch (kind) {
            case VOID -> ResultCrossings.VOID;
            case RETURN -> ResultCrossings.RETURN;
            case STRING_RETURN -> ResultCrossings.STRING_RETURN;
            case STRUCT_RETURN -> ResultCrossings.STRUCT_RETURN;
            case OUT_PACKED -> ResultCrossings.OUT_PACKED;
            case OUT_HOLDER -> ResultCrossings.OUT_HOLDER;
            case OUT_ARRAY -> ResultCrossings.OUT_ARRAY;
            case OUT_STRUCT -> ResultCrossings.OUT_STRUCT;
            case OUT_LENGTH -> ResultCrossings.OUT_LENGTH;
            case HANDLE_RETURN -> ResultCrossings.HANDLE_RETURN;
            case SIZED_RETURN -> ResultCrossings.SIZED_RETURN;
        };
    }

    // ---- Java ----------------------------------------------------------------------------

    /** The public method's return type. */
    String javaType(JavaWriter w, Binding.Function f);

    /** The native's return type (a Java type; "byte[]" for bytes). */
    default String nativeReturn(Binding.Function f) {
        return f.status() ? "int" : "void";
    }

    /** What the public method prepares for the result before the call, and its extra arguments. */
    default void javaBeforeCall(JavaWriter w, JavaWriter.Call call) {}

    /** The call of the native and what the public method does with what it returned. */
    void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail);

    /** Parameters of the natives holder beyond the C function's own. */
    default void nativeParams(JavaWriter w, Binding.Function f, List<String> ps) {}

    // ---- C --------------------------------------------------------------------------------

    /** JNI parameters beyond the C function's own. */
    default void jniParams(CWriter w, Binding.Function f, List<String> params) {}

    /** Checks before the call and copies after it. */
    default void cross(CWriter w, CWriter.Call call) {}

    /** The call of the C function, keeping its result in cResult, when that result is neither a status nor void. */
    default String cCall(CWriter w, Binding.Function f, String callExpr) {
        return "    " + f.returnType().spelling() + " cResult = " + callExpr + ";\n";
    }

    /** Turns the C result (cResult, rc or an out value) into the JNI result. */
    default void cResult(CWriter w, Binding.Function f, String jniReturn, StringBuilder o) {
        if (f.status()) {
            o.append("    result = rc;\n");
        }
    }
}
