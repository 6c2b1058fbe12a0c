package dev.patchbay.dashboard;

import dev.patchbay.builder.system.Systems;
import dev.patchbay.catalog.CatalogLookup;
import dev.patchbay.certificate.CertificateUploads;
import dev.patchbay.connector.Connectors;
import dev.patchbay.outbound.CredentialCheckFailed;
import dev.patchbay.pool.ConnectionPools;
import dev.patchbay.time.PhpDateFormat;
import dev.patchbay.variable.VariableData;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.ValidationFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The add-instance wizard: name, settings, authentication method (skipped when there is one),
 * credentials with an optional certificate, then the API's create, whose credential check runs
 * before anything is saved. What was typed travels in the form (secrets only on the last step, and
 * never sent back to the browser); a refusal sends the person to the first step with an error, next
 * to the field the API named.
 */
@Controller
class WizardController {

    static final int NAME = 1;
    static final int SETTINGS = 2;
    static final int METHOD = 3;
    static final int CREDENTIALS = 4;

    private static final Pattern VARIABLE_FIELD = Pattern.compile("^variables\\.(\\d+)\\.(.+)$");
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC"))
            .sorted().toList();

    private final Systems systems;
    private final CatalogLookup catalog;
    private final Connectors connectors;
    private final ConnectionPools pools;
    private final CertificateUploads certificates;
    private final ApiShapes shapes;
    private final Clock clock;

    WizardController(Systems systems, CatalogLookup catalog, Connectors connectors, ConnectionPools pools,
            CertificateUploads certificates, ApiShapes shapes, Clock clock) {
        this.systems = systems;
        this.catalog = catalog;
        this.connectors = connectors;
        this.pools = pools;
        this.certificates = certificates;
        this.shapes = shapes;
        this.clock = clock;
    }

    @GetMapping("/connectors/{system}/instances/new")
    String start(CurrentCompany company, @PathVariable("system") long systemId, Model model) {
        Map<String, Object> system = shapes.of(systems.get(company.id(), systemId, List.of()));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("timezone", "UTC");
        form.put("date_format", String.valueOf(system.get("default_date_format")));
        form.put("rate_limit_duration", String.valueOf(system.get("default_rate_limit_duration")));
        form.put("rate_limit_unit", String.valueOf(system.get("default_rate_limit_unit")));
        return page(company, system, NAME, form, Map.of(), model);
    }

    /**
     * One step's submit: {@code go} says where to ({@code back}, {@code next} or {@code create}). Values of
     * every step travel as form fields; {@code var.<key>} are the credentials.
     */
    @PostMapping("/connectors/{system}/instances/new")
    String step(CurrentCompany company, @PathVariable("system") long systemId, @RequestParam Map<String, String> params,
            @RequestParam(name = "certificate_file", required = false) MultipartFile certificateFile, Model model,
            RedirectAttributes redirect) throws IOException {
        Map<String, Object> system = shapes.of(systems.get(company.id(), systemId, List.of()));
        Map<String, String> form = new LinkedHashMap<>(params);
        form.remove("_csrf");
        int step = Integer.parseInt(form.getOrDefault("step", "1"));
        String go = form.getOrDefault("go", "next");
        List<CatalogLookup.AuthenticationImplementationRef> methods = catalog.authenticationImplementationsOf(company.id(), systemId);
        if (methods.size() == 1) {
            form.put("authentication_implementation_id", String.valueOf(methods.get(0).id()));
        }
        if (!"create".equals(go)) {
            int next = "back".equals(go) ? step - 1 : step + 1;
            if (next == METHOD && methods.size() == 1) {
                next = "back".equals(go) ? SETTINGS : CREDENTIALS;
            }
            return page(company, system, Math.max(NAME, Math.min(CREDENTIALS, next)), withoutSecrets(company, form), Map.of(), model);
        }
        Optional<Map<String, List<String>>> certificateErrors = uploadCertificate(company, certificateFile, form);
        if (certificateErrors.isPresent()) {
            return page(company, system, CREDENTIALS, withoutSecrets(company, form), certificateErrors.get(), model);
        }
        List<VariableData> templates = templates(company, form);
        try {
            long id = connectors.create(company.id(), createBody(form, templates));
            redirect.addFlashAttribute("done", "Instance " + form.get("name") + " created: its credentials work.");
            return "redirect:/instances/" + id;
        } catch (CredentialCheckFailed failed) {
            model.addAttribute("check", shapes.of(failed.result()));
            return page(company, system, CREDENTIALS, withoutSecrets(company, form),
                    FormErrors.single("credentials", failed.getMessage()), model);
        } catch (ValidationFailedException invalid) {
            Map<String, List<String>> errors = FormErrors.of(invalid, field -> onForm(field, templates));
            return page(company, system, firstStepWithError(errors, methods.size()), withoutSecrets(company, form), errors, model);
        }
    }

    /** The date format's live example: the current time in the zone, written with the PHP tokens (or what is wrong with them). */
    @GetMapping(path = "/connectors/date-example", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    String dateExample(@RequestParam(name = "format", defaultValue = "") String format,
            @RequestParam(name = "timezone", defaultValue = "UTC") String timezone) {
        return example(clock, format, timezone);
    }

    static String example(Clock clock, String format, String timezone) {
        Optional<String> problem = PhpDateFormat.problem(format);
        if (problem.isPresent()) {
            return problem.get();
        }
        try {
            return "Now: " + PhpDateFormat.format(format, ZonedDateTime.now(clock).withZoneSameInstant(ZoneId.of(timezone)));
        } catch (DateTimeException e) {
            return "Choose a time zone to see an example.";
        }
    }

    private String page(CurrentCompany company, Map<String, Object> system, int step, Map<String, String> form,
            Map<String, List<String>> errors, Model model) {
        List<CatalogLookup.AuthenticationImplementationRef> methods =
                catalog.authenticationImplementationsOf(company.id(), ((Number) system.get("id")).longValue());
        form.put("step", String.valueOf(step));
        model.addAttribute("system", system);
        model.addAttribute("step", step);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("methods", methods);
        model.addAttribute("zones", ZONES);
        model.addAttribute("pools", shapes.maps(ApiShapes.all(query -> pools.list(company.id(), query), "sort", "name")));
        model.addAttribute("templates", templates(company, form));
        model.addAttribute("dateExample", dateExample(form.getOrDefault("date_format", ""), form.getOrDefault("timezone", "UTC")));
        model.addAttribute("steps", methods.size() == 1 ? List.of("Name", "Settings", "Credentials")
                : List.of("Name", "Settings", "Authentication method", "Credentials"));
        model.addAttribute("stepIndex", methods.size() == 1 && step == CREDENTIALS ? 2 : step - 1);
        return "dashboard/wizard";
    }

    /** The chosen method's variable templates (none until one is chosen). */
    private List<VariableData> templates(CurrentCompany company, Map<String, String> form) {
        String method = form.get("authentication_implementation_id");
        if (method == null || !method.matches("\\d{1,18}")) {
            return List.of();
        }
        return catalog.authenticationImplementation(company.id(), Long.parseLong(method)).isPresent()
                ? catalog.variableTemplates(company.id(), Long.parseLong(method)) : List.of();
    }

    /** The API's create body, field for field: what a client of {@code POST /api/v1/connectors} would send. */
    private ObjectNode createBody(Map<String, String> form, List<VariableData> templates) {
        ObjectNode body = shapes.body();
        for (String field : List.of("name", "authentication_implementation_id", "timezone", "date_format", "rate_limit_unit",
                "rate_limit_duration", "connection_pool_id", "certificate_id")) {
            String value = form.get(field);
            if (value != null && !value.isBlank()) {
                body.put(field, value.trim());
            }
        }
        ArrayNode variables = body.putArray("variables");
        for (VariableData template : templates) {
            ObjectNode variable = variables.addObject().put("key", template.key()).put("label", template.label());
            String value = template.locked() ? template.value() : form.get("var." + template.key());
            if (value == null || value.isEmpty()) {
                variable.putNull("value");
            } else {
                variable.put("value", value);
            }
        }
        return body;
    }

    /** Uploads the chosen certificate file once (its id then travels in the form); a refusal names certificate or passphrase. */
    private Optional<Map<String, List<String>>> uploadCertificate(CurrentCompany company, MultipartFile file,
            Map<String, String> form) throws IOException {
        String passphrase = form.remove("passphrase");
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = file.getBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        ObjectNode body = shapes.body()
                .put("certificate", text.contains("-----BEGIN") ? text : Base64.getEncoder().encodeToString(bytes));
        if (passphrase != null && !passphrase.isEmpty()) {
            body.put("passphrase", passphrase);
        }
        try {
            form.put("certificate_id", String.valueOf(certificates.upload(company.id(), company.userId(), body)));
            form.put("certificate_name", file.getOriginalFilename());
            return Optional.empty();
        } catch (ValidationFailedException invalid) {
            return Optional.of(FormErrors.of(invalid, field -> "certificate_file".equals(field) ? field
                    : "certificate".equals(field) ? "certificate_file" : field));
        }
    }

    /** A refused form keeps what was typed, except secrets: they are never written back into a page. */
    private Map<String, String> withoutSecrets(CurrentCompany company, Map<String, String> form) {
        form.remove("passphrase");
        for (VariableData template : templates(company, form)) {
            if (template.secret()) {
                form.remove("var." + template.key());
            }
        }
        return form;
    }

    /** {@code variables.2.value} is the third template's field, {@code var.<key>}. */
    private static String onForm(String field, List<VariableData> templates) {
        Matcher m = VARIABLE_FIELD.matcher(field);
        if (m.matches() && Integer.parseInt(m.group(1)) < templates.size()) {
            return "var." + templates.get(Integer.parseInt(m.group(1))).key();
        }
        return field;
    }

    private static int firstStepWithError(Map<String, List<String>> errors, int methodCount) {
        int first = CREDENTIALS;
        for (String field : errors.keySet()) {
            int step = switch (field) {
                case "name" -> NAME;
                case "timezone", "date_format", "rate_limit_unit", "rate_limit_duration", "connection_pool_id" -> SETTINGS;
                case "authentication_implementation_id" -> methodCount == 1 ? CREDENTIALS : METHOD;
                default -> CREDENTIALS;
            };
            first = Math.min(first, step);
        }
        return first;
    }

}
