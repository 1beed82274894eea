package org.savingsledger.ops;

import org.savingsledger.command.CommandSide;
import org.savingsledger.command.infrastructure.EmbeddedPostgresStart;
import org.savingsledger.ops.cli.TrackerUpload;
import org.savingsledger.query.QuerySide;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The local all-in-one: command side and query side in one process on port 8080, over an
 * embedded PostgreSQL (events) under {@code ledger.data-dir}. Start with {@code --demo} to load
 * the demo data set built from the two council reports; {@code import FILE …} sends a tracker to a running ledger
 * ({@link TrackerUpload}). Its beans are the two split deployables' side by side
 * ({@link CommandSide}, {@link QuerySide}, each importing the shared web edge, whose beans Spring makes
 * once) and this package's own.
 */
@SpringBootApplication
@Import({CommandSide.class, QuerySide.class})
public class SavingsLedgerApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "benchmark".equals(args[0])) {
            // the harness and its libraries are not shipped in this jar
            System.err.println("The benchmarks are a jar of their own: java -jar ops/benchmarks/target/savings-ledger-benchmarks.jar"
                    + " [--repeat=N] [--full|--tiny] (docs/benchmarks.md)");
            System.exit(2);
        }
        if (args.length > 0 && "import".equals(args[0])) {
            TrackerUpload.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // These machines have no internet: Axon's update checker would only log failures.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication application = new SpringApplication(SavingsLedgerApplication.class);
        // the embedded PostgreSQL's first start (initdb) runs beside the building of the context
        application.addInitializers(EmbeddedPostgresStart.initializer());
        application.run(args);
    }
}
