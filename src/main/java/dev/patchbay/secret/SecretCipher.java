package dev.patchbay.secret;

import dev.patchbay.config.KeyFiles;
import dev.patchbay.config.PatchbayProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * AES-256-GCM for values at rest. A stored value reads {@code v1:<key id>:<base64(iv | ciphertext)>},
 * where the key id is a short fingerprint of the master key, so that a later key rotation can tell
 * which values still need re-encrypting.
 */
@Component
public class SecretCipher {

    private static final String PREFIX = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public SecretCipher(PatchbayProperties properties) {
        this(masterKey(properties));
    }

    SecretCipher(byte[] rawKey) {
        if (rawKey.length != 32) {
            throw new IllegalStateException("The master key must be 32 bytes (AES-256), base64 encoded.");
        }
        this.key = new SecretKeySpec(rawKey, "AES");
        this.keyId = fingerprint(rawKey);
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalStateException("A stored secret is not in the expected format.");
        }
        if (!keyId.equals(parts[1])) {
            throw new IllegalStateException("A stored secret was encrypted under another master key (" + parts[1] + ").");
        }
        try {
            byte[] all = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret could not be decrypted (tampered or wrong key).");
        }
    }

    private static byte[] masterKey(PatchbayProperties properties) {
        String configured = properties.secrets().masterKey();
        if (StringUtils.hasText(configured)) {
            return Base64.getDecoder().decode(configured.trim());
        }
        return KeyFiles.readOrCreate(properties.dataDir().resolve("master.key"), 32);
    }

    private static String fingerprint(byte[] rawKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
