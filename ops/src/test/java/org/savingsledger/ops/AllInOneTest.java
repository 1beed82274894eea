package org.savingsledger.ops;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context the all-in-one tests share (one embedded PostgreSQL and one Mongo server
 * per test JVM): the whole application on a random port, fresh stores, the demo data loaded.
 * Failed sign-ins are throttled here with the defaults (10 per user name, 50 from 127.0.0.1 within
 * 15 minutes lock them): a test that fails sign-ins in bulk needs a context of its own
 * ({@link SignInLockOutTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(args = "--demo", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.data-dir=target/test-data/${random.uuid}", "ledger.mongo.embedded-storage=memory",
                "ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD,
                // one user per role in Nottinghamshire, two in Leicestershire (password "pw": {noop} for tests only)
                "ledger.security.users.viewer-notts.password={noop}pw",
                "ledger.security.users.viewer-notts.roles=VIEWER",
                "ledger.security.users.viewer-notts.organisations=nottinghamshire",
                "ledger.security.users.editor-notts.password={noop}pw",
                "ledger.security.users.editor-notts.roles=EDITOR",
                "ledger.security.users.editor-notts.organisations=nottinghamshire",
                "ledger.security.users.finance-notts.password={noop}pw",
                "ledger.security.users.finance-notts.roles=FINANCE",
                "ledger.security.users.finance-notts.organisations=nottinghamshire",
                "ledger.security.users.clerk-notts.password={noop}pw",
                "ledger.security.users.clerk-notts.roles=COMMITTEE_CLERK",
                "ledger.security.users.clerk-notts.organisations=nottinghamshire",
                "ledger.security.users.editor-leics.password={noop}pw",
                "ledger.security.users.editor-leics.roles=EDITOR,VIEWER",
                "ledger.security.users.editor-leics.organisations=leicestershire",
                "ledger.security.users.viewer-both.password={noop}pw",
                "ledger.security.users.viewer-both.roles=VIEWER",
                "ledger.security.users.viewer-both.organisations=nottinghamshire,leicestershire",
                // a user of an organisation with no role at all: refused everything but health, whatever the method
                "ledger.security.users.no-role-notts.password={noop}pw",
                "ledger.security.users.no-role-notts.organisations=nottinghamshire",
                // bearer tokens signed by a test key stand in for an OpenID Connect provider
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-signing-key.pub"})
public @interface AllInOneTest {

    /** The administrator's password in the shared context. */
    String ADMIN_PASSWORD = "test-admin-password";
}
