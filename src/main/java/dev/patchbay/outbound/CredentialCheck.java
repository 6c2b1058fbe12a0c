package dev.patchbay.outbound;

import dev.patchbay.outbound.render.RequestRenderer;
import dev.patchbay.outbound.render.RequestSpec;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Runs an authentication implementation's {@code test_request} through the send path: the
 * contract's {@code POST /connectors/{id}/test}, and the check that keeps invalid credentials from
 * being saved.
 */
@Service
public class CredentialCheck {

    private final OutboundGateway gateway;
    private final CheckHistory history;

    CredentialCheck(OutboundGateway gateway, CheckHistory history) {
        this.gateway = gateway;
        this.history = history;
    }

    /** Tests a saved connector; a connector without a test request passes with nothing sent. The outcome is noted. */
    public CheckResult test(long companyId, long connectorId) {
        Instance instance = gateway.instance(companyId, connectorId);
        if (instance.testRequest() == null || instance.testRequest().isNull()) {
            return new CheckResult(true, null, null, 0, "The authentication implementation has no test request; nothing was sent.");
        }
        try {
            CheckResult result = run(instance);
            history.record(companyId, connectorId, true);
            return result;
        } catch (CredentialCheckFailed failed) {
            history.record(companyId, connectorId, false);
            throw failed;
        }
    }

    /** Notes that the check which let a create or an update of this connector through passed. */
    public void passed(long companyId, long connectorId) {
        history.record(companyId, connectorId, true);
    }

    /**
     * What the check of a connector about to be saved will use, read now (inside the caller's
     * transaction, which may be rolled back) so that the call itself can run outside it. Empty when
     * there is nothing to check: no test request, type none, or a consent that can only follow the save.
     */
    public Optional<Instance> prepare(long companyId, ConnectorDraft draft) {
        Instance instance = gateway.draft(companyId, draft);
        boolean skipped = instance.testRequest() == null || instance.testRequest().isNull()
                || instance.authenticationType().equals("none")
                || (instance.authenticationType().equals("oauth2_authorization_code") && draft.connectorId() == null);
        return skipped ? Optional.empty() : Optional.of(instance);
    }

    /**
     * Checks credentials before they are saved; call it outside any transaction.
     *
     * @throws CredentialCheckFailed when the system refused them or could not be reached
     */
    public void verify(Instance prepared) {
        run(prepared);
    }

    private CheckResult run(Instance instance) {
        JsonNode test = instance.testRequest();
        Exchange exchange;
        try {
            exchange = gateway.send(instance, templates -> RequestSpec.relative(text(test, "method", "GET"),
                    templates.render(text(test, "path", "")), RequestRenderer.rendered(test.get("query"), templates),
                    RequestRenderer.rendered(test.get("headers"), templates), null));
        } catch (OutboundFailure failure) {
            throw new CredentialCheckFailed(CheckResult.of(false, failure.exchange(), failure.getMessage()));
        }
        int status = exchange.response().status();
        JsonNode expected = test.get("expect_status");
        boolean passed = expected != null && expected.isNumber() ? status == expected.asInt() : status >= 200 && status < 300;
        if (!passed) {
            String expectation = expected != null && expected.isNumber() ? "; expected " + Statuses.describe(expected.asInt()) : "";
            throw new CredentialCheckFailed(CheckResult.of(false, exchange,
                    "The system answered " + Statuses.describe(status) + expectation + "."));
        }
        return CheckResult.of(true, exchange, "The credentials work: the system answered " + Statuses.describe(status) + ".");
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isEmpty() ? fallback : value.asString();
    }

}
