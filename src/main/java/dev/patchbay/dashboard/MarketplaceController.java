package dev.patchbay.dashboard;

import dev.patchbay.catalog.Definitions;
import dev.patchbay.catalog.Installer;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.ValidationFailedException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The marketplace: browse and search the definitions, see what is installed, install or upgrade with the API's modes. */
@Controller
class MarketplaceController {

    /** The system types of DESIGN §2, for the filter. */
    static final List<String> SYSTEM_TYPES = List.of("Accounting", "CRM", "eCommerce", "ERP", "Marketplaces", "Other", "PIM",
            "POS", "3PL", "WMS", "Database");

    private final Definitions definitions;
    private final ApiShapes shapes;

    MarketplaceController(Definitions definitions, ApiShapes shapes) {
        this.definitions = definitions;
        this.shapes = shapes;
    }

    @GetMapping("/marketplace")
    String browse(CurrentCompany company, @RequestParam(name = "q", defaultValue = "") String search,
            @RequestParam(name = "type", defaultValue = "") String type, Model model) {
        model.addAttribute("q", search);
        model.addAttribute("type", type);
        model.addAttribute("types", SYSTEM_TYPES);
        model.addAttribute("definitions", shapes.maps(ApiShapes.all(query -> definitions.list(company.id(), query),
                "include", "authenticationImplementationTemplates", "sort", "name",
                "filter[name]", search.replace(",", " ").trim(), "filter[system_type]", type.replace(",", " ").trim())));
        return "dashboard/marketplace";
    }

    /** {@code mode}: install (a first install), upgrade (the installed one, in place) or alongside (a second copy). */
    @PostMapping("/marketplace/{template}/install")
    String install(CurrentCompany company, @PathVariable("template") long templateId,
            @RequestParam(name = "mode", defaultValue = "install") String mode,
            @RequestParam(name = "system_id", required = false) Long systemId, RedirectAttributes redirect) {
        try {
            Installer.Installation installation = definitions.install(company.id(), templateId, mode, systemId);
            redirect.addFlashAttribute("done", switch (mode) {
                case "upgrade" -> "Upgraded to version " + installation.version() + ".";
                default -> "Installed version " + installation.version() + ". Add an instance with your credentials.";
            });
            return "redirect:/connectors#connector-" + installation.systemId();
        } catch (ValidationFailedException refused) {
            redirect.addFlashAttribute("failed", refused.errors().toBody().message());
            return "redirect:/marketplace";
        }
    }
}
