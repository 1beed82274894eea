package org.savingsledger.command.http;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context every end-to-end test of this module shares (so one embedded
 * PostgreSQL per test JVM): the whole command side on a random port, over a fresh database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability // so /actuator/prometheus exists as in production
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.data-dir=target/test-data/${random.uuid}", "ledger.snapshot-threshold=5",
                "ledger.admin.password=" + ApiClient.ADMIN_PASSWORD,
                // a second user, for what is kept per user (password "pw": {noop} for tests only)
                "ledger.security.users.finance-notts.password={noop}pw",
                "ledger.security.users.finance-notts.roles=FINANCE",
                "ledger.security.users.finance-notts.organisations=nottinghamshire"})
public @interface LedgerHttpTest {
}
