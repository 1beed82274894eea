package org.savingsledger.query.ui;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.security.Principal;

/** Who is signed in, for the pages' header (its name and the sign-out button); null on the sign-in form. */
@ControllerAdvice(basePackageClasses = SignedInUser.class)
class SignedInUser {

    @ModelAttribute("signedInAs")
    String signedInAs(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
