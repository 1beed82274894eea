package org.savingsledger.web.pages;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A page or form the signed-in user's roles do not open, as a GOV.UK page rather than Spring's: the pages' chain
 * forwards every refusal here, whatever its method.
 */
@Controller
@Hidden
class ForbiddenPage {

    static final String PATH = "/ui/forbidden";

    @RequestMapping(PATH)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        model.addAttribute("title", "You do not have access");
        return "forbidden";
    }
}
