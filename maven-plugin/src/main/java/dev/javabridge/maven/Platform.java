package dev.javabridge.maven;

import java.util.Locale;

/** The host's natives/&lt;platform&gt;/ folder name, in native-lib-loader's layout that NativeLoader reads. */
final class Platform {
    private Platform() {}

    static String host() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String bits = switch (arch) {
            case "amd64", "x86_64" -> "64";
            case "aarch64", "arm64" -> "arm64";
            default -> throw new IllegalStateException("javabridge-maven-plugin: unsupported architecture " + arch);
        };
        if (os.startsWith("linux")) {
            return "linux_" + bits;
        }
        if (os.startsWith("mac")) {
            return "osx_" + bits;
        }
        if (os.startsWith("windows")) {
            return "windows_" + bits;
        }
        throw new IllegalStateException("javabridge-maven-plugin: unsupported operating system " + os);
    }

    /** The file name of library @p name on the host, as NativeLoader looks for it. */
    static String libraryFile(String name) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return name + ".dll";
        }
        return "lib" + name + (os.startsWith("mac") ? ".dylib" : ".so");
    }
}
