package dev.javabridge.export;

import java.util.List;

/**
 * One @CExport method as the writers need it.
 *
 * @param cName the C function's full name (prefix included)
 * @param javaClass the binary name of the declaring class, as the C API looks it up
 * @param javaName the Java method's name
 * @param javaDisplay the method as people read it, for example "com.example.Ops.divide(int, int)"
 * @param params the parameters in order
 * @param result the result type
 * @param doc the Javadoc, or null
 */
record ExportedMethod(String cName, String javaClass, String javaName, String javaDisplay, List<Param> params,
                      ExportedType result, String doc) {

    /** A parameter: its C name (byte arrays add {@code <name>_len}) and type. */
    record Param(String javaName, String cName, ExportedType type) {}

    String descriptor() {
        StringBuilder b = new StringBuilder("(");
        params.forEach(p -> b.append(p.type().descriptor()));
        return b.append(')').append(result.descriptor()).toString();
    }
}
