package dev.patchbay.outbound;

import dev.patchbay.outbound.auth.OAuthConsent;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import dev.patchbay.web.MessageBody;
import dev.patchbay.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth 2 authorisation-code consent: the consent URL for a connector, and the public callback the
 * provider sends the person back to.
 */
@RestController
class OAuthController {

    static final String CALLBACK = "/oauth/callback";

    private final OAuthConsent consent;

    OAuthController(OAuthConsent consent) {
        this.consent = consent;
    }

    @GetMapping("/api/v1/connectors/{connector}/oauth/authorize")
    DataEnvelope<OAuthConsent.ConsentLink> authorize(CurrentCompany company, @PathVariable("connector") long connectorId,
            HttpServletRequest request) {
        // patchbay.public-url (or the address the connection reached), never the Host header a caller may forge
        String redirectUri = PublicUrl.base(request) + CALLBACK;
        return DataEnvelope.of(consent.authorize(company.id(), connectorId, redirectUri));
    }

    @GetMapping(CALLBACK)
    MessageBody callback(@RequestParam(value = "state", required = false) String state,
            @RequestParam(value = "code", required = false) String code,
            @RequestParam(value = "error", required = false) String error) {
        long connectorId = consent.complete(state, code, error);
        return new MessageBody("Connector #" + connectorId + " is authorised. You can close this window.");
    }
}
