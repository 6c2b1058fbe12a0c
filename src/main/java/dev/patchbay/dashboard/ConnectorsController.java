package dev.patchbay.dashboard;

import dev.patchbay.builder.system.Systems;
import dev.patchbay.connector.Connectors;
import dev.patchbay.outbound.CheckHistory;
import dev.patchbay.pool.ConnectionPools;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.InUseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Manage connectors: every installed connector with its instances; search; uninstall. */
@Controller
class ConnectorsController {

    /** One installed connector (the API's system) and its instances (the API's connectors). */
    record ConnectorCard(Map<String, Object> system, List<InstanceRow> instances) {}

    /** An instance with its pool's name and its last credential check (null when never checked). */
    record InstanceRow(Map<String, Object> instance, String poolName, CheckHistory.LastCheck lastCheck) {}

    private final Systems systems;
    private final Connectors connectors;
    private final ConnectionPools pools;
    private final CheckHistory checks;
    private final ApiShapes shapes;

    ConnectorsController(Systems systems, Connectors connectors, ConnectionPools pools, CheckHistory checks, ApiShapes shapes) {
        this.systems = systems;
        this.connectors = connectors;
        this.pools = pools;
        this.checks = checks;
        this.shapes = shapes;
    }

    @GetMapping("/connectors")
    String list(CurrentCompany company, @RequestParam(name = "q", defaultValue = "") String search, Model model) {
        model.addAttribute("q", search);
        model.addAttribute("cards", cards(company, search));
        return "dashboard/connectors";
    }

    /** Uninstall: the user types {@code confirm}; the API refuses while instances or process flows use the connector. */
    @PostMapping("/connectors/{system}/uninstall")
    String uninstall(CurrentCompany company, @PathVariable("system") long systemId,
            @RequestParam(name = "confirm", defaultValue = "") String confirm, Model model, RedirectAttributes redirect) {
        Map<String, Object> system = shapes.of(systems.get(company.id(), systemId, List.of()));
        if (!"confirm".equals(confirm.trim())) {
            model.addAttribute("refusal", new Refused("Type confirm to uninstall " + system.get("name") + ".", List.of()));
        } else {
            try {
                systems.uninstall(company.id(), systemId);
                redirect.addFlashAttribute("done", system.get("name") + " was uninstalled.");
                return "redirect:/connectors";
            } catch (InUseException refused) {
                model.addAttribute("refusal", Refused.of(refused));
            }
        }
        model.addAttribute("refusedId", systemId);
        model.addAttribute("q", "");
        model.addAttribute("cards", cards(company, ""));
        return "dashboard/connectors";
    }

    private List<ConnectorCard> cards(CurrentCompany company, String search) {
        List<Map<String, Object>> installed = shapes.maps(ApiShapes.all(query -> systems.list(company.id(), query),
                "include", "logo,systemType", "sort", "name", "filter[name]", search.replace(",", " ").trim()));
        if (installed.isEmpty()) {
            return List.of();
        }
        String ids = installed.stream().map(s -> String.valueOf(s.get("id"))).collect(Collectors.joining(","));
        List<Map<String, Object>> instances = shapes.maps(ApiShapes.all(query -> connectors.list(company.id(), query),
                "include", "authenticationImplementation", "sort", "name", "filter[system]", ids));
        Map<Long, String> poolNames = ApiShapes.all(query -> pools.list(company.id(), query)).stream().map(shapes::of)
                .collect(Collectors.toMap(p -> number(p.get("id")), p -> (String) p.get("name")));
        Map<Long, CheckHistory.LastCheck> lastChecks = checks.lastChecks(company.id(),
                instances.stream().map(c -> number(c.get("id"))).toList());
        Map<Long, List<InstanceRow>> bySystem = new LinkedHashMap<>();
        for (Map<String, Object> instance : instances) {
            @SuppressWarnings("unchecked")
            long systemId = number(((Map<String, Object>) instance.get("system")).get("id"));
            Long poolId = instance.get("connection_pool_id") == null ? null : number(instance.get("connection_pool_id"));
            bySystem.computeIfAbsent(systemId, k -> new java.util.ArrayList<>()).add(new InstanceRow(instance,
                    poolId == null ? null : poolNames.get(poolId), lastChecks.get(number(instance.get("id")))));
        }
        return installed.stream().map(s -> new ConnectorCard(s, bySystem.getOrDefault(number(s.get("id")), List.of()))).toList();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

}
