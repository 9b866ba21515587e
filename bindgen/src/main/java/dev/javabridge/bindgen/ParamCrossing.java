package dev.javabridge.bindgen;

import java.util.List;

/**
 * How one kind of C parameter crosses JNI, in both generated halves: the public Java method's
 * parameters, checks and arguments, the natives holder's parameters, and the C glue's JNI
 * parameters, checks, pinning and argument. {@link JavaWriter} and {@link CWriter} only run the
 * phases in order; everything that depends on the kind of parameter lives in its crossing
 * ({@link ParamCrossings}), so a new kind of parameter is one class and one line in {@link #of}.
 * Every phase does nothing unless the kind needs it.
 */
interface ParamCrossing {

    /** The crossing of p: the one place that maps a {@link Binding.Kind} to its strategy. */
    static ParamCrossing of(Binding.Param p) {
        return switch (p.kind()) {
            case VALUE -> ParamCrossings.VALUE;
            case STRING -> ParamCrossings.STRING;
            case ARRAY -> p.pointer().pointee() instanceof HeaderType.StructRef
                    ? ParamCrossings.STRUCT_ARRAY : ParamCrossings.PRIMITIVE_ARRAY;
            case LENGTH -> ParamCrossings.LENGTH;
            case LENGTH_INOUT -> ParamCrossings.LENGTH_INOUT;
            case OUT -> ParamCrossings.OUT;
            case STRUCT_IN -> ParamCrossings.STRUCT_IN;
            case STRUCT_OUT -> ParamCrossings.STRUCT_OUT;
            case HANDLE -> ParamCrossings.HANDLE;
            case CALLBACK -> ParamCrossings.CALLBACK;
            case USER_DATA -> ParamCrossings.USER_DATA;
            case CONSTANT -> ParamCrossings.CONSTANT;
            case NULLABLE_STRING -> ParamCrossings.NULLABLE_STRING;
            case HANDLE_OUT -> ParamCrossings.HANDLE_OUT;
            case STRING_OUT -> ParamCrossings.STRING_OUT;
            case STRING_ARRAY -> throw new IllegalStateException("a String[] is only a callback's parameter");
        };
    }

    // ---- Java ----------------------------------------------------------------------------

    /** The Java type a caller passes (or, for an array Java allocates, receives). */
    default String javaType(JavaWriter w, Binding.Param p) {
        throw new IllegalStateException(p.kind() + " has no Java type");
    }

    /** Adds p's parameters to the public method's signature; the slice overload adds offset and length. */
    default void javaSignature(JavaWriter w, Binding.Param p, boolean slices, List<String> sig) {}

    /** Null, range and length checks on what the caller passed, and its conversion for the native. */
    default void javaCheck(JavaWriter w, JavaWriter.Call call, Binding.Param p) {}

    /** For a count: refuses arrays longer than C's count type can say. Runs after every javaCheck. */
    default void javaCountLimit(JavaWriter w, JavaWriter.Call call, Binding.Param p) {}

    /** What Java allocates for C to fill. Runs after every javaCountLimit. */
    default void javaAllocate(JavaWriter w, JavaWriter.Call call, Binding.Param p) {}

    /** p's arguments to the native. */
    default void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {}

    /** What the public method does once the native returned or threw (in a finally block). */
    default void javaFinally(JavaWriter w, JavaWriter.Call call, Binding.Param p) {}

    /** p's parameters in the natives holder. */
    default void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {}

    // ---- C --------------------------------------------------------------------------------

    /** p's parameters of the JNI function, as javac -h declares them. */
    default void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {}

    /** p's declarations, checks, pinning, argument to the C function and work after the call. */
    default void cross(CWriter w, CWriter.Call call, Binding.Param p) {}
}
