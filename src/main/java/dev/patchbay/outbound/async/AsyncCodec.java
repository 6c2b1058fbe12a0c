package dev.patchbay.outbound.async;

import dev.patchbay.secret.SecretCipher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an asynchronous request keeps at rest, sealed with the secret cipher: the caller's body (its
 * headers, query and variables may hold the caller's own credentials) and the result (which shows
 * them back as the requests route does). Neither is ever stored in clear.
 */
@Component
class AsyncCodec {

    private final SecretCipher cipher;
    private final JsonMapper json;

    AsyncCodec(SecretCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    String sealPayload(JsonNode body) {
        return cipher.encrypt(json.writeValueAsString(body));
    }

    JsonNode openPayload(String sealed) {
        return json.readTree(cipher.decrypt(sealed));
    }

    String sealResult(StoredResult result) {
        return cipher.encrypt(json.writeValueAsString(result));
    }

    StoredResult openResult(String sealed) {
        return json.readValue(cipher.decrypt(sealed), StoredResult.class);
    }
}
