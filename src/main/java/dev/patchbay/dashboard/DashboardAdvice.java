package dev.patchbay.dashboard;

import dev.patchbay.auth.Caller;
import dev.patchbay.auth.Role;
import dev.patchbay.web.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page knows about who is looking ({@code viewer}), and the pages for a record that is
 * not there (another company's record included: a plain 404, as on the API). Runs before the API's
 * JSON error translator, for the dashboard's controllers only.
 */
@ControllerAdvice(basePackageClasses = DashboardAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardAdvice {

    /** The signed-in person: their e-mail, role, and whether the page shows write controls. */
    record Viewer(String email, String role, boolean canWrite) {}

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            return null;
        }
        String email = authentication.getDetails() instanceof String details ? details : "";
        return new Viewer(email, caller.role().value(), caller.role() != Role.STANDARD && !caller.readOnly());
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Authentication authentication, Model model) {
        // An exception handler's model is a fresh one: the page still shows who is signed in and the menu.
        model.addAttribute("viewer", viewer(authentication));
        return "dashboard/not-found";
    }
}
