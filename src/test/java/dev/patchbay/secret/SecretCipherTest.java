package dev.patchbay.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final SecretCipher cipher = new SecretCipher(key(7));

    @Test
    void shouldRoundTripUnicodeValues() {
        String plain = "pässwörd-🔑-" + "x".repeat(1000);
        assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
    }

    @Test
    void shouldUseAFreshNonceSoEqualValuesDoNotLookEqual() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void shouldNameTheKeyInTheStoredForm() {
        assertThat(cipher.encrypt("v")).matches("v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+");
    }

    @Test
    void shouldRefuseTamperedValuesWithoutEchoingThem() {
        String stored = cipher.encrypt("secret-value");
        String[] parts = stored.split(":");
        byte[] bytes = Base64.getDecoder().decode(parts[2]);
        bytes[bytes.length - 1] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("secret-value").hasMessageContaining("tampered");
    }

    @Test
    void shouldRefuseValuesOfAnotherMasterKey() {
        String stored = new SecretCipher(key(9)).encrypt("v");
        assertThatThrownBy(() -> cipher.decrypt(stored)).hasMessageContaining("another master key");
    }

    @Test
    void shouldRefuseKeysThatAreNot256Bits() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("32 bytes");
    }
}
