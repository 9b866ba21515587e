package dev.javabridge.export;

import java.util.List;

/**
 * One generated header/source pair: the settings of {@link CExportHeader} resolved, and what goes in.
 *
 * @param stem the file name without ".h"/".c"
 * @param guard the include guard macro
 * @param freeBytes the full C name of the byte-array free function
 * @param freeString the full C name of the string free function
 * @param javaClass the class whose methods are exported (qualified name)
 * @param methods the functions, in source order
 * @param structs the structs the functions use, in first-use order
 */
record HeaderSpec(String stem, String guard, String freeBytes, String freeString, String javaClass,
                  List<ExportedMethod> methods, List<ExportedType.Struct> structs) {}
