package dev.patchbay.outbound.async;

import dev.patchbay.secret.EncryptedColumns;
import dev.patchbay.secret.SecretCipher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an asynchronous request keeps at rest, sealed with the secret cipher: the caller's body (its
 * headers, query and variables may hold the caller's own credentials) and the result (which shows
 * them back as the requests route does). Neither is ever stored in clear, and each is bound to its row
 * (a value copied into another request or company does not open there).
 */
@Component
class AsyncCodec {

    private final SecretCipher cipher;
    private final JsonMapper json;

    AsyncCodec(SecretCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    String sealPayload(long companyId, long id, JsonNode body) {
        return cipher.encrypt(json.writeValueAsString(body), EncryptedColumns.ASYNC_PAYLOAD.binding(companyId, id));
    }

    JsonNode openPayload(long companyId, long id, String sealed) {
        return json.readTree(cipher.decrypt(sealed, EncryptedColumns.ASYNC_PAYLOAD.binding(companyId, id)));
    }

    String sealResult(long companyId, long id, StoredResult result) {
        return cipher.encrypt(json.writeValueAsString(result), EncryptedColumns.ASYNC_RESULT.binding(companyId, id));
    }

    StoredResult openResult(long companyId, long id, String sealed) {
        return json.readValue(cipher.decrypt(sealed, EncryptedColumns.ASYNC_RESULT.binding(companyId, id)),
                StoredResult.class);
    }
}
