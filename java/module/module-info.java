/**
 * javabridge: Java calls C and C calls Java, over JNI.
 *
 * <p>Grant native access to this module by name: {@code --enable-native-access=dev.javabridge}
 * (JDK 22 and later; JDK 17 accepts the flag as well). The bundled native-lib-loader and SLF4J
 * are relocated under {@code dev.javabridge.internal.shaded}: they are inside this module and
 * never exported, so they cannot clash with an application's own copies.
 */
module dev.javabridge {
    exports dev.javabridge;
    exports dev.javabridge.export;

    // The relocated SLF4J finds its no-op provider through ServiceLoader, which in a named module
    // sees only what the descriptor declares (META-INF/services is ignored there).
    uses dev.javabridge.internal.shaded.slf4j.spi.SLF4JServiceProvider;
    provides dev.javabridge.internal.shaded.slf4j.spi.SLF4JServiceProvider
            with dev.javabridge.internal.shaded.slf4j.nop.NOPServiceProvider;
}
