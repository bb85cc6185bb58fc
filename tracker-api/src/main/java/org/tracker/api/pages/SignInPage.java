package org.tracker.api.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tracker.api.security.PageRedirects;

/**
 * Signing in with an account's token, once, for a session cookie; the filter chain checks the token and opens the
 * session before the form's post reaches this controller, which then only sends the visitor on.
 */
@Controller
class SignInPage {

    @GetMapping("/sign-in")
    String form(
            @RequestParam(required = false) String next,
            @RequestParam(required = false) String unknown,
            @RequestParam(required = false) String throttled,
            Model model) {
        model.addAttribute("next", PageRedirects.safeNext(next));
        if (unknown != null) {
            model.addAttribute("error", "That token is not known. Paste the whole token an operator gave you.");
        } else if (throttled != null) {
            model.addAttribute(
                    "error", "Too many unknown tokens came from your address; wait a minute, then try again.");
        }
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signedIn(@RequestParam(required = false) String next) {
        return "redirect:" + PageRedirects.safeNext(next);
    }
}
