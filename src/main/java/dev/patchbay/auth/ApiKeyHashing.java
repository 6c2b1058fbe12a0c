package dev.patchbay.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys are 256 random bits, so a plain SHA-256 is a safe stored form (no dictionary to attack)
 * and lets a request's key be found by an indexed lookup instead of a slow hash per stored key.
 */
final class ApiKeyHashing {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int PREFIX_LENGTH = 8;

    private ApiKeyHashing() {}

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "pb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String rawKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String prefix(String rawKey) {
        return rawKey.substring(0, Math.min(PREFIX_LENGTH, rawKey.length()));
    }
}
