package org.savingsledger.ops;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The all-in-one jar ships no benchmark: the harness and the libraries only it needs (JaVers, the audit
 * library of the alternative it measures, with its SQL and container libraries) live in ops/benchmarks,
 * which depends on ops and never the other way round. The test class path holds everything the product's
 * does, so whatever is missing here is missing from savings-ledger.jar too.
 */
class ProductFootprintTest {

    @Test
    void noBenchmarkOnlyLibraryIsOnTheClassPath() {
        for (String benchmarkOnly : List.of("org.javers.core.Javers", "org.javers.repository.mongo.MongoRepository",
                "org.javers.repository.sql.SqlRepositoryBuilder", "org.polyjdbc.core.PolyJDBC",
                "org.picocontainer.MutablePicoContainer")) {
            assertThatThrownBy(() -> Class.forName(benchmarkOnly, false, getClass().getClassLoader()))
                    .as(benchmarkOnly).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void noBenchmarkClassIsOnTheClassPath() {
        // classes, not the package's folder: a build over an older checkout may leave that folder behind, empty
        for (String benchmark : List.of("org.savingsledger.ops.bench.Benchmarks",
                "org.savingsledger.ops.bench.LedgerBenchmarks", "org.savingsledger.ops.bench.LedgerGenerator")) {
            assertThatThrownBy(() -> Class.forName(benchmark, false, getClass().getClassLoader()))
                    .as(benchmark).isInstanceOf(ClassNotFoundException.class);
        }
    }
}
