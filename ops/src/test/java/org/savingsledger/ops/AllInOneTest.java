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
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(args = "--demo", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.data-dir=target/test-data/${random.uuid}", "ledger.mongo.embedded-storage=memory",
                "ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD})
public @interface AllInOneTest {

    /** The administrator's password in the shared context. */
    String ADMIN_PASSWORD = "test-admin-password";
}
