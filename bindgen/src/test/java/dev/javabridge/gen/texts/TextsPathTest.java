package dev.javabridge.gen.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.javabridge.gen.BindingPath;
import org.junit.jupiter.api.Test;

/** Which mechanism Texts takes: JNI on JDK 17, FFM on JDK 22+ with native access, JNI without it. */
class TextsPathTest {
    @Test
    void eachJdkTakesItsOwnPath() throws Exception {
        BindingPath.assertPath(Texts.class, "C_TEXTS_LENGTH", TextsPathTest.class, "5");
        assertEquals(5, Texts.textsLength("héllo") - 1);
        if (Runtime.version().feature() >= 22) {
            // A borrowed string C returns is copied in Java on FFM, as the glue copies it on JNI.
            assertNotNull(BindingPath.field(Class.forName(Texts.class.getName() + "Ffm"), "C_TEXTS_SAMPLE"));
            // A status function capturing errno goes through the glue's wrapper, which captures it as the native does.
            assertNotNull(BindingPath.field(Class.forName(Texts.class.getName() + "Ffm"), "C_TEXTS_FILE_BYTES"));
        }
    }

    /** In a JVM without native access: the path and a length. */
    public static void main(String[] args) {
        long n = Texts.textsLength("hello");
        System.out.println(BindingPath.of(Texts.class) + " " + n);
    }
}
