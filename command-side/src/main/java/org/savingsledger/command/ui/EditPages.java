package org.savingsledger.command.ui;

import org.savingsledger.web.pages.PageSecurity;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The forms of the web interface ({@code /ui/edit/**}) are commands, so the command side serves them, in the
 * frame, sign-in and style every side's pages share ({@link PageSecurity}): a sign-in made on a query-side
 * instance holds here, and the other way round.
 */
@Configuration(proxyBeanMethods = false)
@Import(PageSecurity.class)
class EditPages {
}
