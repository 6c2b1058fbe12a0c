package dev.patchbay.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static final RowBinding ROW = RowBinding.of("variables", "value", 1, 10);

    private final SecretCipher cipher = new SecretCipher(new KeyRing(key(7), List.of()));

    /** A value as Patchbay wrote it before rows were bound: v1, the key id as the only associated data. */
    static String legacyV1(byte[] rawKey, String plain) throws Exception {
        String keyId = KeyRing.fingerprint(rawKey);
        byte[] iv = new byte[12];
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(rawKey, "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return "v1:" + keyId + ":"
                + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    }

    @Test
    void shouldRoundTripUnicodeValues() {
        String plain = "pässwörd-🔑-" + "x".repeat(1000);
        assertThat(cipher.decrypt(cipher.encrypt(plain, ROW), ROW)).isEqualTo(plain);
    }

    @Test
    void shouldUseAFreshNonceSoEqualValuesDoNotLookEqual() {
        assertThat(cipher.encrypt("same", ROW)).isNotEqualTo(cipher.encrypt("same", ROW));
    }

    @Test
    void shouldNameTheVersionAndTheKeyInTheStoredForm() {
        assertThat(cipher.encrypt("v", ROW)).matches("v2:[0-9a-f]{8}:[A-Za-z0-9+/=]+").startsWith(cipher.currentPrefix());
        assertThat(cipher.isCurrent(cipher.encrypt("v", ROW))).isTrue();
    }

    @Test
    void shouldRefuseTamperedValuesWithoutEchoingThem() {
        String stored = cipher.encrypt("secret-value", ROW);
        String[] parts = stored.split(":");
        byte[] bytes = Base64.getDecoder().decode(parts[2]);
        bytes[bytes.length - 1] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered, ROW)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageNotContaining("secret-value").hasMessageContaining("altered");
    }

    @Test
    void shouldRefuseAValueMovedToAnotherRowColumnOrCompany() {
        String stored = cipher.encrypt("tenant-one-secret", ROW);

        for (RowBinding elsewhere : List.of(RowBinding.of("variables", "value", 1, 11), RowBinding.of("variables", "value", 2, 10),
                RowBinding.of("certificates", "passphrase_encrypted", 1, 10), RowBinding.of("variables", "other", 1, 10))) {
            assertThatThrownBy(() -> cipher.decrypt(stored, elsewhere)).as("%s", elsewhere)
                    .isInstanceOf(SecretUnreadableException.class)
                    .hasMessageContaining(elsewhere.describe()).hasMessageNotContaining("tenant-one-secret");
        }
    }

    @Test
    void shouldRefuseValuesOfAKeyThatIsNotInTheRingNamingTheKey() {
        SecretCipher other = new SecretCipher(new KeyRing(key(9), List.of()));
        String stored = other.encrypt("v", ROW);

        assertThatThrownBy(() -> cipher.decrypt(stored, ROW)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining(other.ring().currentId()).hasMessageContaining("previous-keys");
    }

    @Test
    void shouldDecryptWithAnyKeyOfTheRingAndEncryptUnderTheCurrentOne() {
        String underOld = cipher.encrypt("old-value", ROW);
        SecretCipher rotated = new SecretCipher(new KeyRing(key(9), List.of(key(7))));

        assertThat(rotated.decrypt(underOld, ROW)).isEqualTo("old-value");
        assertThat(rotated.isCurrent(underOld)).isFalse();
        String underNew = rotated.encrypt("new-value", ROW);
        assertThat(underNew).startsWith("v2:" + KeyRing.fingerprint(key(9)) + ":");
        assertThatThrownBy(() -> cipher.decrypt(underNew, ROW)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void shouldStillReadValuesWrittenBeforeRowsWereBound() throws Exception {
        String legacy = legacyV1(key(7), "from-before");

        assertThat(cipher.decrypt(legacy, ROW)).isEqualTo("from-before");
        assertThat(cipher.isCurrent(legacy)).as("rotate-keys upgrades it").isFalse();
    }

    @Test
    void shouldRefuseKeysThatAreNot256BitsNamingTheSetting() {
        assertThatThrownBy(() -> new KeyRing(new byte[16], List.of())).hasMessageContaining("32 bytes")
                .hasMessageContaining("patchbay.secrets.master-key");
        assertThatThrownBy(() -> new KeyRing(key(1), List.of(new byte[8]))).hasMessageContaining("previous-keys[0]");
    }
}
