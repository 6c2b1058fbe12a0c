package dev.patchbay.secret;

import dev.patchbay.config.PatchbayProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for values at rest. A stored value reads {@code v2:<key id>:<base64(iv | ciphertext)>}:
 * the key id names the {@link KeyRing} key that sealed it, and the associated data binds it to its row
 * ({@link RowBinding}: table, column, company, id), so that a value copied elsewhere does not decrypt.
 *
 * <p>{@code v1} values (written before rows were bound; associated data: the key id only) are still read;
 * {@code rotate-keys} rewrites them as {@code v2}. A new table with an encrypted column adds it to
 * {@link EncryptedColumns}, so that a rotation reaches it too.
 */
@Component
public class SecretCipher {

    static final String LEGACY = "v1";
    static final String VERSION = "v2";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing ring;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public SecretCipher(PatchbayProperties properties) {
        this(KeyRing.from(properties));
    }

    public SecretCipher(KeyRing ring) {
        this.ring = ring;
    }

    /** Encrypts under the current key, bound to the row that will hold the value. */
    public String encrypt(String plain, RowBinding row) {
        String keyId = ring.currentId();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, ring.current(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(row.associatedData(keyId));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * Decrypts a value read from {@code row}, with whichever key of the ring sealed it.
     *
     * @throws SecretUnreadableException when the value is not ours, names a key the ring lacks, was
     *     altered, or belongs to another row; the message never carries the value
     */
    public String decrypt(String stored, RowBinding row) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !(VERSION.equals(parts[0]) || LEGACY.equals(parts[0]))) {
            throw new SecretUnreadableException(row, "it is not in the expected format");
        }
        String keyId = parts[1];
        SecretKey key = ring.byId(keyId).orElseThrow(() -> new SecretUnreadableException(row,
                "it was encrypted under the key " + keyId + ", which is not configured (patchbay.secrets.previous-keys)"));
        try {
            byte[] all = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(LEGACY.equals(parts[0])
                    ? keyId.getBytes(StandardCharsets.US_ASCII)
                    : row.associatedData(keyId));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnreadableException(row, "it was altered or belongs to another record");
        }
    }

    /** True when a stored value is already in the current format under the current key. */
    public boolean isCurrent(String stored) {
        return stored.startsWith(currentPrefix());
    }

    /** What every value written under the current key starts with. */
    public String currentPrefix() {
        return VERSION + ":" + ring.currentId() + ":";
    }

    public KeyRing ring() {
        return ring;
    }
}
