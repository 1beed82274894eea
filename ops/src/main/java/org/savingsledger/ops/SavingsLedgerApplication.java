package org.savingsledger.ops;

import org.savingsledger.ops.bench.Benchmarks;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The local all-in-one: command side and query side in one process on port 8080, over an
 * embedded PostgreSQL (events) under {@code ledger.data-dir}. Start with {@code --demo} to load
 * the demo data set built from the two council reports; {@code benchmark [--full]} runs the
 * benchmarks instead (see {@link Benchmarks}).
 */
@SpringBootApplication
@ComponentScan(basePackages = "org.savingsledger",
        // each side's own application class would bring a second auto-configuration
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "org\\.savingsledger\\.(command|query)\\.[A-Za-z]+Application"))
public class SavingsLedgerApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "benchmark".equals(args[0])) {
            Benchmarks.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // These machines have no internet: Axon's update checker would only log failures.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(SavingsLedgerApplication.class, args);
    }
}
