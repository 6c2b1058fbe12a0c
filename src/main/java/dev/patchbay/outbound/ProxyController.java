package dev.patchbay.outbound;

import dev.patchbay.web.CurrentCompany;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code ANY /api/v1/connectors/{connector}/proxy/{path}}: the caller's request goes to the system's
 * base URL + path with the connector's credentials, and the system's answer comes back as it is,
 * streamed both ways.
 */
@RestController
class ProxyController {

    private final OutboundProxy proxy;

    ProxyController(OutboundProxy proxy) {
        this.proxy = proxy;
    }

    /**
     * The methods are listed because a mapping without any does not match OPTIONS: Spring would answer
     * it itself instead of passing it to the system.
     */
    @RequestMapping(path = "/api/v1/connectors/{connector}/proxy/**", method = {RequestMethod.GET, RequestMethod.HEAD,
            RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS})
    void proxy(CurrentCompany company, @PathVariable("connector") long connectorId,
            @RequestHeader(value = "Prefer", required = false) String prefer, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        proxy.pass(company.id(), connectorId, Preferences.waitSeconds(prefer), request, response);
    }
}
