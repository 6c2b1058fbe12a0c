package dev.patchbay.dashboard;

import dev.patchbay.outbound.ConnectorUsage;
import dev.patchbay.pool.ConnectionPools;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.InUseException;
import dev.patchbay.web.ValidationFailedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ObjectNode;

/** Connection pools: list with their instances and live usage; create, edit, delete (refused while instances use one). */
@Controller
class PoolsController {

    /** A pool and how many requests its instances have in flight and waiting right now. */
    record PoolRow(Map<String, Object> pool, int inFlight, int waiting) {}

    private final ConnectionPools pools;
    private final ConnectorUsage usage;
    private final ApiShapes shapes;

    PoolsController(ConnectionPools pools, ConnectorUsage usage, ApiShapes shapes) {
        this.pools = pools;
        this.usage = usage;
        this.shapes = shapes;
    }

    @GetMapping("/pools")
    String list(CurrentCompany company, Model model) {
        return page(company, null, Map.of(), Map.of(), model);
    }

    @PostMapping("/pools")
    String create(CurrentCompany company, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            pools.create(company.id(), body(form, true));
            redirect.addFlashAttribute("done", "Pool " + form.get("name") + " created.");
            return "redirect:/pools";
        } catch (ValidationFailedException invalid) {
            return page(company, null, form, FormErrors.of(invalid), model);
        }
    }

    @PostMapping("/pools/{id}")
    String update(CurrentCompany company, @PathVariable("id") long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        pools.get(company.id(), id, List.of());
        try {
            pools.update(company.id(), id, body(form, false));
            redirect.addFlashAttribute("done", "Pool " + form.get("name") + " saved.");
            return "redirect:/pools";
        } catch (ValidationFailedException invalid) {
            return page(company, id, form, FormErrors.of(invalid), model);
        }
    }

    @PostMapping("/pools/{id}/delete")
    String delete(CurrentCompany company, @PathVariable("id") long id, Model model, RedirectAttributes redirect) {
        Map<String, Object> pool = shapes.of(pools.get(company.id(), id, List.of()));
        try {
            pools.delete(company.id(), id);
            redirect.addFlashAttribute("done", "Pool " + pool.get("name") + " deleted.");
            return "redirect:/pools";
        } catch (InUseException refused) {
            model.addAttribute("refusal", Refused.of(refused));
            return page(company, id, Map.of(), Map.of(), model);
        }
    }

    /** The API's body; on update an empty timeout is {@code null}, which removes it. */
    private ObjectNode body(Map<String, String> form, boolean create) {
        ObjectNode body = shapes.body();
        body.put("name", form.getOrDefault("name", "").trim());
        body.put("limit", form.getOrDefault("limit", "").trim());
        String timeout = form.getOrDefault("timeout", "").trim();
        if (!timeout.isEmpty()) {
            body.put("timeout", timeout);
        } else if (!create) {
            body.putNull("timeout");
        }
        return body;
    }

    /** @param formFor the pool whose form was sent back with errors (null: the create form), shown with what was typed */
    private String page(CurrentCompany company, Long formFor, Map<String, String> form, Map<String, List<String>> errors,
            Model model) {
        List<PoolRow> rows = shapes.maps(ApiShapes.all(query -> pools.list(company.id(), query),
                "include", "connectors.system", "sort", "name")).stream().map(this::row).toList();
        model.addAttribute("pools", rows);
        model.addAttribute("formFor", formFor);
        model.addAttribute("form", new LinkedHashMap<>(form));
        model.addAttribute("errors", errors);
        return "dashboard/pools";
    }

    private PoolRow row(Map<String, Object> pool) {
        ConnectorUsage.PoolState state = usage.pool(((Number) pool.get("id")).longValue(), ((Number) pool.get("limit")).intValue());
        return new PoolRow(pool, state.inFlight(), state.waiting());
    }
}
