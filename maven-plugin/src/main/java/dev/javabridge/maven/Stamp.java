package dev.javabridge.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests: of the inputs (to regenerate only when they changed) and of built libraries (for NativeLoader). */
final class Stamp {
    private Stamp() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }

    static void add(MessageDigest md, Path file) throws IOException {
        md.update(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Files.readAllBytes(file));
        md.update((byte) 0);
    }

    static void add(MessageDigest md, InputStream in) throws IOException {
        md.update(in.readAllBytes());
    }

    static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }

    static String of(Path file) throws IOException {
        MessageDigest md = sha256();
        md.update(Files.readAllBytes(file));
        return hex(md);
    }
}
