package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The sign-in form's hidden fields are posted back as the browser would post them, whatever they are named. */
class PageSessionTest {

    @Test
    void readsEveryHiddenInputWhateverTheOrderOfItsAttributes() {
        String form = """
                <form method="post" action="/login" novalidate>
                    <input class="govuk-input" id="username" name="username" type="text" value="">
                    <input type="hidden" name="_csrf" value="a1-B2_c3"/>
                    <INPUT value='x &amp; &quot;y&quot;' name='next' type='HIDDEN'>
                    <input type="password" name="password">
                </form>""";

        assertThat(PageSession.hiddenFields(form)).containsExactly(
                entry("_csrf", "a1-B2_c3"),
                entry("next", "x & \"y\""));
    }

    @Test
    void aPageWithoutHiddenInputsHasNone() {
        assertThat(PageSession.hiddenFields("<p>Sign in</p><input type=\"text\" name=\"username\">")).isEmpty();
    }
}
