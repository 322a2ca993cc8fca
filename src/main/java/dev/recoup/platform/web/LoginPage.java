package dev.recoup.platform.web;

import dev.recoup.access.AccessProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPage {

    private final AccessProperties properties;

    LoginPage(AccessProperties properties) {
        this.properties = properties;
    }

    /** The form; after a failed try it says why (locked for how long, disabled, wrong password) or that the session ended. */
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockoutFailures", properties.lockout().maxFailures());
        model.addAttribute("lockoutMinutes", Math.max(1, properties.lockout().duration().toMinutes()));
        model.addAttribute("sessionMinutes", Math.max(1, properties.sessionTimeout().toMinutes()));
        return "login";
    }
}
