package dev.javabridge.export;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exports a public static method to C: the annotation processor of the {@code javabridge-cexport}
 * artifact ({@code dev.javabridge.export.CExportProcessor}, on the processor path) writes a C function for it into
 * a generated header and source, which call the method through libjavabridge.
 *
 * <p>The C function is named {@code prefix + name}: the prefix comes from {@link CExportHeader}
 * on the class, the name from {@link #value()} or, when that is empty, from the Java method name
 * in snake_case ({@code createBuffer} becomes {@code create_buffer}). It returns a {@code jb_}
 * status code; a result is passed back through out-parameters.
 *
 * <p>Supported parameter and result types, and their C forms:
 * <table>
 *   <caption>Java to C</caption>
 *   <tr><th>Java</th><th>parameter</th><th>result (out-parameters)</th></tr>
 *   <tr><td>{@code byte, short, char, int, long}</td><td>{@code int8_t, int16_t, uint16_t, int32_t, int64_t}</td><td>pointer to the same</td></tr>
 *   <tr><td>{@code float, double, boolean}</td><td>{@code float, double, bool}</td><td>pointer to the same</td></tr>
 *   <tr><td>{@code String}</td><td>{@code const char *} (UTF-8, NUL-terminated; NULL passes null)</td><td>{@code char **out, size_t *out_len}: a copy the caller frees</td></tr>
 *   <tr><td>{@code byte[]}</td><td>{@code const uint8_t *, size_t}</td><td>{@code uint8_t **out, size_t *out_len}: a copy the caller frees</td></tr>
 *   <tr><td>a record of primitives</td><td>a C struct, by value</td><td>pointer to the struct</td></tr>
 *   <tr><td>{@code void}</td><td>-</td><td>no out-parameter</td></tr>
 * </table>
 * Anything else is a compile-time error that names the method and the type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CExport {
    /**
     * The C name without the prefix.
     *
     * @return the name; empty for the Java name in snake_case
     */
    String value() default "";
}
