package dev.patchbay.dashboard;

import dev.patchbay.certificate.CertificateUploads;
import dev.patchbay.connector.Connectors;
import dev.patchbay.outbound.CheckResult;
import dev.patchbay.outbound.ConnectorUsage;
import dev.patchbay.outbound.CredentialCheck;
import dev.patchbay.outbound.CredentialCheckFailed;
import dev.patchbay.pool.ConnectionPools;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.InUseException;
import dev.patchbay.web.ValidationFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An instance's settings: details (edit, remove the pool), authentication (masked secrets, test
 * connection), certificates (upload or replace; expiry warned within 30 days), usage (the process
 * flows that use it) and the live rate-limit and pool state; and its removal, typed {@code confirm}.
 */
@Controller
class InstanceController {

    static final Set<String> TABS = Set.of("details", "authentication", "certificates", "usage");
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final List<String> INCLUDES = List.of("authenticationImplementation.system.logo", "variables", "certificate",
            "processFlows");

    private final Connectors connectors;
    private final ConnectionPools pools;
    private final CredentialCheck credentials;
    private final ConnectorUsage usage;
    private final CertificateUploads certificates;
    private final ApiShapes shapes;
    private final Clock clock;

    InstanceController(Connectors connectors, ConnectionPools pools, CredentialCheck credentials, ConnectorUsage usage,
            CertificateUploads certificates, ApiShapes shapes, Clock clock) {
        this.connectors = connectors;
        this.pools = pools;
        this.credentials = credentials;
        this.usage = usage;
        this.certificates = certificates;
        this.shapes = shapes;
        this.clock = clock;
    }

    @GetMapping("/instances/{id}")
    String show(CurrentCompany company, @PathVariable("id") long id, @RequestParam(name = "tab", defaultValue = "details") String tab,
            Model model) {
        return page(company, id, tab, Map.of(), model);
    }

    /** The live rate-limit and pool panel alone, which the page reloads every few seconds. */
    @GetMapping("/instances/{id}/live")
    String live(CurrentCompany company, @PathVariable("id") long id, Model model) {
        model.addAttribute("usage", shapes.of(usage.of(company.id(), id)));
        return "dashboard/instance :: live";
    }

    @PostMapping("/instances/{id}/settings")
    String saveSettings(CurrentCompany company, @PathVariable("id") long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Map<String, Object> instance = shapes.of(connectors.get(company.id(), id, List.of("variables")));
        ObjectNode body = shapes.body();
        for (String field : List.of("name", "timezone", "date_format", "rate_limit_unit", "rate_limit_duration")) {
            body.put(field, form.getOrDefault(field, "").trim());
        }
        String pool = form.containsKey("remove_pool") ? "" : form.getOrDefault("connection_pool_id", "");
        if (pool.isBlank()) {
            body.putNull("connection_pool_id");
        } else {
            body.put("connection_pool_id", pool);
        }
        ArrayNode variables = body.putArray("variables");
        variables(instance).forEach(v -> variables.addObject().put("id", ((Number) v.get("id")).longValue()));
        try {
            connectors.update(company.id(), id, body);
            redirect.addFlashAttribute("done", form.containsKey("remove_pool") ? "The pool was removed." : "Settings saved.");
            return "redirect:/instances/" + id;
        } catch (ValidationFailedException invalid) {
            model.addAttribute("form", form);
            return page(company, id, "details", FormErrors.of(invalid), model);
        }
    }

    /** New credentials: a secret left empty keeps its stored value (the API's "absent means keep"); the check runs first. */
    @PostMapping("/instances/{id}/credentials")
    String saveCredentials(CurrentCompany company, @PathVariable("id") long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        List<Map<String, Object>> stored = variables(shapes.of(connectors.get(company.id(), id, List.of("variables"))));
        ObjectNode body = shapes.body();
        ArrayNode variables = body.putArray("variables");
        for (Map<String, Object> v : stored) {
            ObjectNode change = variables.addObject().put("id", ((Number) v.get("id")).longValue());
            String typed = form.get("var." + v.get("key"));
            boolean keep = Boolean.TRUE.equals(v.get("locked")) || typed == null
                    || (Boolean.TRUE.equals(v.get("secret")) && typed.isEmpty());
            if (!keep) {
                change.put("value", typed);
            }
        }
        try {
            connectors.update(company.id(), id, body);
            redirect.addFlashAttribute("done", "Credentials saved.");
            return "redirect:/instances/" + id + "?tab=authentication";
        } catch (CredentialCheckFailed failed) {
            model.addAttribute("check", shapes.of(failed.result()));
            return page(company, id, "authentication", FormErrors.single("credentials", failed.getMessage()), model);
        } catch (ValidationFailedException invalid) {
            Map<String, List<String>> errors = FormErrors.of(invalid, field -> onForm(field, stored));
            return page(company, id, "authentication", errors, model);
        }
    }

    @PostMapping("/instances/{id}/test")
    String test(CurrentCompany company, @PathVariable("id") long id, Model model) {
        try {
            CheckResult result = credentials.test(company.id(), id);
            model.addAttribute("check", shapes.of(result));
            model.addAttribute("done", result.message());
            return page(company, id, "authentication", Map.of(), model);
        } catch (CredentialCheckFailed failed) {
            model.addAttribute("check", shapes.of(failed.result()));
            return page(company, id, "authentication", FormErrors.single("credentials", failed.getMessage()), model);
        }
    }

    /** Uploads a certificate and attaches it to the instance (replacing the one it had). */
    @PostMapping("/instances/{id}/certificate")
    String uploadCertificate(CurrentCompany company, @PathVariable("id") long id,
            @RequestParam(name = "certificate_file", required = false) MultipartFile file,
            @RequestParam(name = "passphrase", defaultValue = "") String passphrase, Model model, RedirectAttributes redirect)
            throws IOException {
        connectors.get(company.id(), id, List.of());
        if (file == null || file.isEmpty()) {
            return page(company, id, "certificates", FormErrors.single("certificate_file", "Choose a certificate file."), model);
        }
        byte[] bytes = file.getBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        ObjectNode body = shapes.body().put("connector_id", id)
                .put("certificate", text.contains("-----BEGIN") ? text : Base64.getEncoder().encodeToString(bytes));
        if (!passphrase.isEmpty()) {
            body.put("passphrase", passphrase);
        }
        try {
            certificates.upload(company.id(), company.userId(), body);
            redirect.addFlashAttribute("done", "Certificate uploaded.");
            return "redirect:/instances/" + id + "?tab=certificates";
        } catch (ValidationFailedException invalid) {
            return page(company, id, "certificates",
                    FormErrors.of(invalid, field -> "certificate".equals(field) ? "certificate_file" : field), model);
        }
    }

    /** Removal: typed {@code confirm}; the API refuses while process flows use the instance, naming them. */
    @PostMapping("/instances/{id}/delete")
    String delete(CurrentCompany company, @PathVariable("id") long id, @RequestParam(name = "confirm", defaultValue = "") String confirm,
            Model model, RedirectAttributes redirect) {
        Map<String, Object> instance = shapes.of(connectors.get(company.id(), id, List.of()));
        if (!"confirm".equals(confirm.trim())) {
            model.addAttribute("refusal", new Refused("Type confirm to remove " + instance.get("name") + ".", List.of()));
            return page(company, id, "details", Map.of(), model);
        }
        try {
            connectors.delete(company.id(), id);
            redirect.addFlashAttribute("done", "Instance " + instance.get("name") + " was removed.");
            return "redirect:/connectors";
        } catch (InUseException refused) {
            model.addAttribute("refusal", Refused.of(refused));
            return page(company, id, "details", Map.of(), model);
        }
    }

    private String page(CurrentCompany company, long id, String tab, Map<String, List<String>> errors, Model model) {
        Map<String, Object> instance = shapes.of(connectors.get(company.id(), id, INCLUDES));
        model.addAttribute("instance", instance);
        model.addAttribute("tab", TABS.contains(tab) ? tab : "details");
        model.addAttribute("errors", errors);
        model.addAttribute("variables", variables(instance));
        model.addAttribute("zones", WizardController.ZONES);
        model.addAttribute("pools", shapes.maps(ApiShapes.all(query -> pools.list(company.id(), query), "sort", "name")));
        model.addAttribute("usage", shapes.of(usage.of(company.id(), id)));
        model.addAttribute("dateExample", WizardController.example(clock, String.valueOf(instance.get("date_format")),
                String.valueOf(instance.get("timezone"))));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> certificate = (Map<String, Object>) instance.get("certificate");
        if (certificate != null && certificate.get("expires_at") instanceof String expires) {
            Duration left = Duration.between(clock.instant(), Instant.parse(expires));
            model.addAttribute("certificateExpired", left.isNegative());
            model.addAttribute("certificateExpiresSoon", !left.isNegative() && left.compareTo(EXPIRY_WARNING) <= 0);
            model.addAttribute("certificateDaysLeft", Math.max(0, left.toDays()));
        }
        return "dashboard/instance";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> variables(Map<String, Object> instance) {
        Object variables = instance.get("variables");
        return variables == null ? List.of() : (List<Map<String, Object>>) variables;
    }

    /** {@code variables.2.value} is the third variable's field, {@code var.<key>}. */
    private static String onForm(String field, List<Map<String, Object>> variables) {
        var m = java.util.regex.Pattern.compile("^variables\\.(\\d+)\\.(.+)$").matcher(field);
        if (m.matches() && Integer.parseInt(m.group(1)) < variables.size()) {
            return "var." + variables.get(Integer.parseInt(m.group(1))).get("key");
        }
        return field;
    }
}
