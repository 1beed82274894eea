package org.savingsledger.command.ui;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The forms' "page not found", a GOV.UK page like the query side's, not the API's problem+json (whose handler
 * answers everything else, so this one goes first).
 */
@ControllerAdvice(basePackageClasses = EditErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EditErrors {

    @ExceptionHandler(FormTargets.EditNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("title", "Page not found");
        return "edit/not-found";
    }
}
