package dev.javabridge.export;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Settings of the C header and source generated for a class's {@link CExport} methods, in the
 * spirit of cbindgen's configuration. Every setting is optional; without this annotation a class
 * {@code GuideExports} gets {@code guide_exports.h}/{@code guide_exports.c}, the symbol prefix
 * {@code guide_exports_} and the include guard {@code GUIDE_EXPORTS_H}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CExportHeader {
    /**
     * The header's file name stem (".h" and ".c" are added).
     *
     * @return the stem; empty for the class name in snake_case
     */
    String name() default "";

    /**
     * Prepended to every C function and struct name: {@code "*"} (the default) for the header
     * name plus "_", {@code ""} for no prefix.
     *
     * @return the prefix
     */
    String prefix() default "*";

    /**
     * The include guard macro.
     *
     * @return the macro; empty for the header name upper-cased plus "_H"
     */
    String includeGuard() default "";

    /**
     * The C name (after the prefix) of the function that frees a returned byte array.
     *
     * @return the function name
     */
    String freeBytes() default "free_bytes";

    /**
     * The C name (after the prefix) of the function that frees a returned string.
     *
     * @return the function name
     */
    String freeString() default "free_string";
}
