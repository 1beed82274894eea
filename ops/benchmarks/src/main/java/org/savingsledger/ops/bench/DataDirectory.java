package org.savingsledger.ops.bench;

import org.springframework.core.env.Environment;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the all-in-one keeps its embedded stores on disk (none when they are external or in
 * memory), and how many bytes lie there: the disk and memory figures of {@link Sizing} read it.
 */
record DataDirectory(LedgerUnderTest ledger) {

    /**
     * The all-in-one's data directory. Asked of the embedded PostgreSQL (it lives in its "postgres"
     * folder) before the property, because a {@code ${random.uuid}} in {@code ledger.data-dir} (the
     * tests' shared context) resolves to another directory at every read.
     */
    Optional<Path> path() {
        Environment environment = ledger.context().getEnvironment();
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            try {
                String shown = ledger.query("show data_directory", rows -> {
                    rows.next();
                    return rows.getString(1);
                });
                Path postgres = Path.of(shown);
                if (Files.isDirectory(postgres) && postgres.getFileName().toString().equals("postgres")) {
                    return Optional.of(postgres.toAbsolutePath().normalize().getParent());
                }
            } catch (IllegalStateException e) {
                ledger.log("sizing: PostgreSQL does not say where its data is (" + e.getMessage() + ")");
            }
        }
        Path configured = Path.of(environment.getProperty("ledger.data-dir", "./data")).toAbsolutePath().normalize();
        return Files.isDirectory(configured) ? Optional.of(configured) : Optional.empty();
    }

    /** The files of the embedded read-model store, when it keeps them under the data directory. */
    Optional<Path> readModelFiles() {
        Environment environment = ledger.context().getEnvironment();
        if (!environment.getProperty("ledger.mongo.uri", "").isBlank()
                || "memory".equals(environment.getProperty("ledger.mongo.embedded-storage", "file"))) {
            return Optional.empty();
        }
        return path().map(data -> data.resolve("mongo")).filter(Files::isDirectory);
    }

    OptionalLong readModelFileBytes() throws IOException {
        Optional<Path> files = readModelFiles();
        return files.isPresent() ? OptionalLong.of(bytesUnder(files.get())) : OptionalLong.empty();
    }

    /** Where the read models are when not in files of their own: for the figures that are then n/a. */
    String readModelStoreKind() {
        return ledger.context().getEnvironment().getProperty("ledger.mongo.uri", "").isBlank() ? "in memory" : "an external server";
    }

    /** The bytes of every file under {@code directory}; files that vanish while it is walked (WAL segments) are skipped. */
    static long bytesUnder(Path directory) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                bytes[0] += attributes.size();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }
}
