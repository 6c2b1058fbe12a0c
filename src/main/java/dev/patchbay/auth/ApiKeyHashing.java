package dev.patchbay.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How API keys are made and stored. Only the SHA-256 of a key is kept: unsalted and fast, which lets a
 * request's key be found by an indexed lookup instead of a slow hash per stored key, and which is safe
 * only for keys nobody can guess. Keys made here ({@link #newKey}) are 256 random bits. Keys given in
 * configuration ({@code patchbay.bootstrap.api-key}, {@code platform-api-key}) are hashed the same way
 * but are what the operator chose; the start refuses them below 32 characters, and the documentation
 * asks for random ones.
 *
 * <p>{@link #prefix} is kept in clear beside the hash, so that a key list can say which key is which:
 * for a made key {@code pb_} and 5 random characters (30 of its 256 bits), for a configured key its
 * first 8 characters.
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
