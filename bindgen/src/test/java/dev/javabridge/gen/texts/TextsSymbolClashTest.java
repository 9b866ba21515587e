package dev.javabridge.gen.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.javabridge.gen.BindingPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other libraries of the same class loader that export a function of the binding's name (here a decoy
 * texts_length returning 424242) must not change what the binding calls: on JDK 22+ the FFM path takes
 * the address the glue was linked with, as the JNI path calls it.
 */
class TextsSymbolClashTest {
    @Test
    void bothPathsCallTheGluesOwnFunctionBesideLibrariesExportingItsName(@TempDir Path dir) throws Exception {
        Path decoy = Path.of(System.getProperty("bindgen.decoy.dir"), "libbg_decoy.so");
        // Copies under other names are other libraries to the JVM: a lookup by name would find the right
        // function first in one JVM in five; three JVMs leave such a lookup about one chance in a hundred.
        List<String> decoys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            decoys.add(Files.copy(decoy, dir.resolve("libdecoy" + i + ".so"), StandardCopyOption.REPLACE_EXISTING).toString());
        }
        String path = Runtime.version().feature() >= 22 ? "ffm" : "no-ffm-class";
        for (int run = 0; run < 3; run++) {
            String out = BindingPath.run(TextsSymbolClashTest.class, List.of("--enable-native-access=ALL-UNNAMED", "-Xcheck:jni"),
                    decoys);
            assertEquals(path + " 6", out.strip(), "run " + run);
        }
    }

    /** Loads the libraries named, then prints the path Texts takes and the length of a 6-byte string. */
    public static void main(String[] args) {
        for (String lib : args) {
            System.load(lib);
        }
        System.out.println(BindingPath.of(Texts.class) + " " + Texts.textsLength("h\u00e9llo"));
    }
}
