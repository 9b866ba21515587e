package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.javabridge.hardening.UnloadProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 6: a class loader that loaded javabridge (an app server's deployment, a plugin)
 * must be collectable once dropped, its JNI_OnUnload must free what JNI_OnLoad made, and the
 * library must be unmapped. 20 load/use/drop cycles in a fresh JVM, measured through
 * /proc/self/maps, the heap and the metaspace. (Before: no loader was ever collected, one
 * library copy stayed mapped per cycle: a strong global reference to Config, and the kit's
 * preallocated error whose backtrace held the loader's classes.)
 */
class ClassLoaderUnloadTest {
    private static final int CYCLES = 20;

    @TempDir
    Path work;

    @Test
    void twentyDroppedLoadersAreCollectedAndTheirLibrariesUnloaded() throws Exception {
        // The user library too, in the same loaders: its JNI_OnUnload runs its kit modules' unload.
        Path userLib = work.resolve("userlib.jar");
        UserLibraryLoaderTest.packageUserLibrary(userLib);
        List<String> command = new ArrayList<>(List.of("-cp", String.join(java.io.File.pathSeparator, FreshJvm.classPath()),
                "-Djavabridge.tmpdir=" + Files.createDirectory(work.resolve("tmp")),
                UnloadProbe.class.getName(), String.valueOf(CYCLES), userLib.toString()));
        FreshJvm.Result r = FreshJvm.run(command);
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(String.valueOf(CYCLES), r.value("collected"), "loaders collected\n" + r.describe());
        assertEquals(String.valueOf(CYCLES), r.value("onUnloadRan"), "JNI_OnUnload runs\n" + r.describe());
        assertEquals("0", r.value("maxMappedAfterCollection"), "library copies left mapped\n" + r.describe());
        assertEquals("0", r.value("mappedAtEnd"), r::describe);
        // A leaked loader costs ~250 KB of metaspace (20 leaked: ~5 MB); 20 collected ones stay flat.
        long metaspace = Long.parseLong(r.value("metaspaceGrowth"));
        long heap = Long.parseLong(r.value("heapGrowth"));
        assertTrue(metaspace < 2L << 20, "metaspace grew by " + metaspace + " bytes\n" + r.describe());
        assertTrue(heap < 4L << 20, "heap grew by " + heap + " bytes\n" + r.describe());
        FreshJvm.assertNoJniWarnings(r);
    }
}
