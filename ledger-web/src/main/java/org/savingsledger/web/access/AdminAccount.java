package org.savingsledger.web.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The password of the built-in administrator {@code admin}, as a hash: from the configured password
 * ({@code ledger.admin.password}, e.g. the environment variable {@code LEDGER_ADMIN_PASSWORD}) when
 * there is one; otherwise generated at first start, printed once, and kept only as a hash in
 * {@code <data-dir>/admin-password.hash} for later starts. There is no fixed default password.
 */
public final class AdminAccount {

    public static final String USER = "admin";
    private static final String HASH_FILE = "admin-password.hash";

    private AdminAccount() {
    }

    /**
     * The admin's password hash, creating a password at first start when none is configured and
     * handing the one-time message that shows it to {@code announce}.
     */
    public static synchronized String passwordHash(String configuredPassword, Path dataDir, UnaryOperator<String> encoder,
                                                   Consumer<String> announce) {
        if (configuredPassword != null && !configuredPassword.isBlank()) {
            return encoder.apply(configuredPassword);
        }
        Path file = dataDir.resolve(HASH_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String password = generate();
            String hash = encoder.apply(password);
            Files.createDirectories(dataDir);
            Files.writeString(file, hash + "\n", StandardCharsets.UTF_8);
            restrict(file);
            announce.accept("""

                    ================================================================================
                     Generated password for the administrator '%s': %s
                     It is shown this once and kept only as a hash in %s.
                     Set LEDGER_ADMIN_PASSWORD to choose it instead; delete that file to generate anew.
                    ================================================================================"""
                    .formatted(USER, password, file.toAbsolutePath().normalize()));
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the administrator's password hash in " + file, e);
        }
    }

    private static String generate() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the data directory's own permissions apply
        }
    }
}
