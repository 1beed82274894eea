package org.savingsledger.command.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;

/**
 * What {@code @WebMvcTest} looks for while this branch has no application class of its own; the
 * slice tests import the web classes explicitly, so they don't depend on which one is found.
 * {@code @TestComponent} keeps the application's component scan from picking this class up in
 * full-context tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@TestComponent
class WebTestApplication {
}
