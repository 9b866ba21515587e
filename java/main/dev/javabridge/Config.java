package dev.javabridge;

/**
 * The guide's {@code Config} struct ({@code uint32_t timeout_ms; uint8_t max_retries; bool enabled;})
 * as a Java record. The unsigned C fields are held in wider Java types and range-checked here.
 *
 * @param timeoutMs 0 to 4,294,967,295 (uint32_t)
 * @param maxRetries 0 to 255 (uint8_t)
 * @param enabled whether the configuration is active
 */
public record Config(long timeoutMs, int maxRetries, boolean enabled) {
    /** The largest timeout C's uint32_t holds. */
    public static final long MAX_TIMEOUT_MS = 0xFFFF_FFFFL;
    /** The largest retry count C's uint8_t holds. */
    public static final int MAX_RETRIES = 0xFF;

    /**
     * Checks every field against the range of its C type.
     *
     * @param timeoutMs the timeout in milliseconds, 0..{@link #MAX_TIMEOUT_MS} (C's uint32_t)
     * @param maxRetries the retry count, 0..{@link #MAX_RETRIES} (C's uint8_t)
     * @param enabled whether the feature is on (C's bool)
     * @throws IllegalArgumentException if a field is outside its C type's range
     */
    public Config {
        if (timeoutMs < 0 || timeoutMs > MAX_TIMEOUT_MS) {
            throw new IllegalArgumentException("timeoutMs " + timeoutMs + " is outside uint32_t's 0.." + MAX_TIMEOUT_MS);
        }
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new IllegalArgumentException("maxRetries " + maxRetries + " is outside uint8_t's 0.." + MAX_RETRIES);
        }
    }

    /**
     * This configuration validated and normalised by C's {@code config_normalize}:
     * a timeout of 0 becomes 1000 ms, one above 600,000 ms is clamped to it, and a
     * disabled configuration gets 0 retries.
     *
     * @return a new, normalised Config
     * @throws IllegalArgumentException if maxRetries is above 10, which C refuses
     */
    public Config normalized() {
        return ConfigNative.normalize(timeoutMs, maxRetries, enabled);
    }
}
