package dev.patchbay.secret;

import dev.patchbay.config.KeyFiles;
import dev.patchbay.config.PatchbayProperties;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.util.StringUtils;

/**
 * The master keys: the current one, which encrypts every new value, and older ones that may still be
 * needed to read values written before a rotation ({@code patchbay.secrets.previous-keys}). Each key is
 * known by its id, a short fingerprint stored with every ciphertext, so a value is decrypted with the key
 * that sealed it. Once {@code rotate-keys} has re-encrypted everything, the older keys can be removed.
 */
public final class KeyRing {

    private final String currentId;
    private final Map<String, SecretKey> keys;

    public KeyRing(byte[] current, List<byte[]> previous) {
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        this.currentId = add(ring, current, "patchbay.secrets.master-key");
        for (int i = 0; i < previous.size(); i++) {
            add(ring, previous.get(i), "patchbay.secrets.previous-keys[" + i + "]");
        }
        this.keys = Collections.unmodifiableMap(ring);
    }

    /** The ring the configuration describes; without a configured master key, the one in data-dir/master.key. */
    public static KeyRing from(PatchbayProperties properties) {
        PatchbayProperties.Secrets secrets = properties.secrets();
        byte[] current = StringUtils.hasText(secrets.masterKey())
                ? decode(secrets.masterKey(), "patchbay.secrets.master-key")
                : KeyFiles.readOrCreate(properties.dataDir().resolve("master.key"), 32);
        List<byte[]> previous = new ArrayList<>();
        List<String> configured = secrets.previousKeys();
        for (int i = 0; i < configured.size(); i++) {
            previous.add(decode(configured.get(i), "patchbay.secrets.previous-keys[" + i + "]"));
        }
        return new KeyRing(current, previous);
    }

    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** The ids of every key in the ring, the current one first. */
    public Set<String> ids() {
        return keys.keySet();
    }

    /** The key id a stored value names, the first 4 bytes of the key's SHA-256 in hex. */
    static String fingerprint(byte[] rawKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey);
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String add(Map<String, SecretKey> ring, byte[] raw, String setting) {
        if (raw == null || raw.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (AES-256), base64 encoded.");
        }
        String id = fingerprint(raw);
        ring.putIfAbsent(id, new SecretKeySpec(raw, "AES"));
        return id;
    }

    /** Never echoes the value: it is a key. */
    private static byte[] decode(String base64, String setting) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(setting + " is not valid base64 (expected the base64 of 32 random bytes).");
        }
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + currentId + ", ids=" + keys.keySet() + "]";
    }
}
