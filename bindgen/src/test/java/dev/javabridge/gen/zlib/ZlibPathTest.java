package dev.javabridge.gen.zlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.javabridge.gen.BindingPath;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Which mechanism Zlib takes: JNI on JDK 17, FFM on JDK 22+ with native access, JNI without it. */
class ZlibPathTest {
    private static final byte[] DATA = "javabridge".getBytes(StandardCharsets.UTF_8);

    private static long expected() {
        CRC32 crc = new CRC32();
        crc.update(DATA);
        return crc.getValue();
    }

    @Test
    void eachJdkTakesItsOwnPath() throws Exception {
        BindingPath.assertPath(Zlib.class, "C_CRC32", ZlibPathTest.class, String.valueOf(expected()));
        assertEquals(expected(), Zlib.crc32(0, DATA));
    }

    /** In a JVM without native access: the path and a checksum. */
    public static void main(String[] args) {
        long crc = Zlib.crc32(0, DATA);
        System.out.println(BindingPath.of(Zlib.class) + " " + crc);
    }
}
