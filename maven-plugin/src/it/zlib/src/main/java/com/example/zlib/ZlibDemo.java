package com.example.zlib;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Compresses and restores a string through the generated binding; run from the packaged jar. */
public final class ZlibDemo {
    private ZlibDemo() {}

    public static void main(String[] args) {
        byte[] data = "hello, hello, hello, zlib".getBytes(StandardCharsets.UTF_8);
        byte[] packed = new byte[(int) Zlib.compressBound(data.length)];
        int n = Zlib.compress2(packed, data, Zlib.Z_BEST_COMPRESSION);
        byte[] back = new byte[data.length];
        Zlib.uncompress(back, 0, back.length, packed, 0, n);
        System.out.println("zlib " + Zlib.zlibVersion() + ": crc32 " + Zlib.crc32(0, data) + ", round trip "
                + Arrays.equals(back, data));
    }
}
