package org.savingsledger.ops.bench;

import org.savingsledger.ops.SavingsLedgerApplication;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context the harness's tests share: the all-in-one ledger on a random port with fresh
 * stores (read models in memory) and a known administrator, as the harness starts it but without the
 * demo data, which no benchmark reads.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SavingsLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.data-dir=target/test-data/${random.uuid}", "ledger.mongo.embedded-storage=memory",
                "ledger.admin.password=" + BenchmarkLedgerTest.ADMIN_PASSWORD})
public @interface BenchmarkLedgerTest {

    /** The administrator's password in the shared context. */
    String ADMIN_PASSWORD = "test-admin-password";
}
