package dev.patchbay.dashboard;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /}: the sign-in form (the form's POST and sign-out are Spring Security's), or the connectors once signed in. */
@Controller
class SignInController {

    @GetMapping("/")
    String signIn(Authentication authentication, HttpSession session, Model model,
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(name = "expired", required = false) String expired) {
        if (authentication != null && authentication.isAuthenticated() && model.getAttribute("viewer") != null) {
            return "redirect:/connectors";
        }
        if (error != null && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof Exception failure) {
            // The provider's own sentences ("These credentials do not match our records.", the throttle's wait).
            model.addAttribute("error", failure.getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("expired", expired != null);
        return "dashboard/sign-in";
    }
}
