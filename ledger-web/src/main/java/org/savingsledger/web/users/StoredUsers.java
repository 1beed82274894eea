package org.savingsledger.web.users;

import org.savingsledger.web.access.Grants;
import org.savingsledger.web.access.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The users administrators keep in PostgreSQL ({@code ledger_users}), every change audited in
 * {@code ledger_user_changes} in the same transaction. Nothing is cached: each sign-in reads the row, so
 * a change made on one instance holds on every instance at once (a disabled user's next request is
 * refused) and the slow password hash stays the cost of a sign-in. A change locks the user's row first,
 * so two administrators changing one user at once are applied one after the other, each audited; with
 * an expected version the second is refused instead. Without a database (a test slice) there are none.
 */
public final class StoredUsers {

    /** Lower-case letters and digits, words joined by one dot, hyphen, underscore or at sign: {@code j.smith}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]+([._@-][a-z0-9]+)*");
    public static final int MAX_NAME_LENGTH = 64;

    private static final String COLUMNS = "name, roles, organisations, enabled, version, created_at, changed_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PasswordEncoder encoder;
    private final Set<String> configured;

    /**
     * @param dataSource the event store's database, or {@code null} for none
     * @param configured the names of the administrator and the configured users, which no stored user may take
     */
    public StoredUsers(DataSource dataSource, PasswordEncoder encoder, Collection<String> configured) {
        this.jdbc = dataSource == null ? null : new JdbcTemplate(dataSource);
        this.transactions = dataSource == null ? null : new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.encoder = encoder;
        this.configured = configured.stream().map(StoredUsers::key).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The user signing in as {@code typed} (ignoring case), read now: disabled ones are {@link UserDetails#isEnabled() disabled}. */
    public Optional<UserDetails> signIn(String typed) {
        String name = key(typed);
        if (jdbc == null || !isName(name)) {
            return Optional.empty();
        }
        return jdbc.query("select name, password_hash, roles, organisations, enabled from ledger_users where name = ?",
                (rs, row) -> User.withUsername(rs.getString("name")).password(rs.getString("password_hash"))
                        .disabled(!rs.getBoolean("enabled"))
                        .authorities(Grants.authorities(texts(rs.getArray("roles")), texts(rs.getArray("organisations")))
                                .stream().map(SimpleGrantedAuthority::new).toList())
                        .build(), name).stream().findFirst();
    }

    /** Every stored user, by name. */
    public List<StoredUser> list() {
        return jdbc == null ? List.of() : jdbc.query("select " + COLUMNS + " from ledger_users order by name", USER);
    }

    public Optional<StoredUser> find(String name) {
        String key = key(name);
        if (jdbc == null || !isName(key)) {
            return Optional.empty();
        }
        return jdbc.query("select " + COLUMNS + " from ledger_users where name = ?", USER, key).stream().findFirst();
    }

    /** Its changes, oldest first. */
    public List<UserChange> changes(String name) {
        StoredUser user = find(name).orElseThrow(() -> UserChangeRefused.notFound(name));
        return jdbc.query("select version, changed_by, changed_at, change from ledger_user_changes where user_name = ? order by id",
                (rs, row) -> new UserChange(rs.getLong("version"), rs.getString("changed_by"), instant(rs, "changed_at"),
                        rs.getString("change")), user.name());
    }

    /** A new user; 409 when the name is the administrator's, a configured user's or a stored one's (ignoring case). */
    public StoredUser create(String name, String password, Collection<String> roles, Collection<String> organisations, String by) {
        String key = key(name);
        List<String> granted = roles(roles);
        List<String> orgs = organisations(organisations);
        if (configured.contains(key)) {
            throw UserChangeRefused.nameInUse(key);
        }
        String hash = encoder.encode(password);
        return writing().execute(status -> {
            int inserted = jdbc.update("insert into ledger_users (name, password_hash, roles, organisations, version)"
                    + " values (?, ?, ?, ?, 1) on conflict (name) do nothing", key, hash, granted.toArray(String[]::new),
                    orgs.toArray(String[]::new));
            if (inserted == 0) {
                throw UserChangeRefused.nameInUse(key);
            }
            audit(key, 1, by, "created with roles " + granted + " and organisations " + orgs);
            return read(key);
        });
    }

    /** Replaces the roles; the same ones again change nothing. */
    public StoredUser setRoles(String name, Collection<String> roles, Long expectedVersion, String by) {
        List<String> granted = roles(roles);
        return change(name, expectedVersion, by, user -> user.roles().equals(granted) ? null
                : new Change("roles = ?", granted.toArray(String[]::new), "roles " + user.roles() + " -> " + granted));
    }

    /** Replaces the organisations; the same ones again change nothing. */
    public StoredUser setOrganisations(String name, Collection<String> organisations, Long expectedVersion, String by) {
        List<String> orgs = organisations(organisations);
        return change(name, expectedVersion, by, user -> user.organisations().equals(orgs) ? null
                : new Change("organisations = ?", orgs.toArray(String[]::new),
                "organisations " + user.organisations() + " -> " + orgs));
    }

    /** Sets a new password, kept only as its hash; audited as "password set". */
    public StoredUser setPassword(String name, String password, Long expectedVersion, String by) {
        String hash = encoder.encode(password);
        return change(name, expectedVersion, by, user -> new Change("password_hash = ?", hash, "password set"));
    }

    /** Enables or disables sign-in; a user already so changes nothing. */
    public StoredUser setEnabled(String name, boolean enabled, Long expectedVersion, String by) {
        return change(name, expectedVersion, by, user -> user.enabled() == enabled ? null
                : new Change("enabled = ?", enabled, enabled ? "enabled" : "disabled"));
    }

    /** What one change sets, and what the audit says of it. */
    private record Change(String assignment, Object value, String description) {
    }

    private StoredUser change(String name, Long expectedVersion, String by, Function<StoredUser, Change> what) {
        String key = key(name);
        if (jdbc == null || !isName(key)) {
            throw UserChangeRefused.notFound(key);
        }
        return writing().execute(status -> {
            StoredUser user = jdbc.query("select " + COLUMNS + " from ledger_users where name = ? for update", USER, key)
                    .stream().findFirst().orElseThrow(() -> UserChangeRefused.notFound(key));
            if (expectedVersion != null && expectedVersion != user.version()) {
                throw UserChangeRefused.versionConflict(expectedVersion, user.version());
            }
            Change change = what.apply(user);
            if (change == null) {
                return user;
            }
            jdbc.update("update ledger_users set " + change.assignment() + ", version = version + 1, changed_at = now()"
                    + " where name = ?", change.value(), key);
            audit(key, user.version() + 1, by, change.description());
            return read(key);
        });
    }

    private void audit(String name, long version, String by, String change) {
        jdbc.update("insert into ledger_user_changes (user_name, version, changed_by, change) values (?, ?, ?, ?)",
                name, version, by, change);
    }

    private StoredUser read(String key) {
        return jdbc.queryForObject("select " + COLUMNS + " from ledger_users where name = ?", USER, key);
    }

    private TransactionTemplate writing() {
        if (transactions == null) {
            throw new IllegalStateException("users cannot be stored without a database");
        }
        return transactions;
    }

    /** Role names as {@link Role} spells them, each once, in the enum's order. */
    static List<String> roles(Collection<String> roles) {
        List<String> names = roles.stream().map(role -> role.strip().toUpperCase(Locale.ROOT)).toList();
        return Arrays.stream(Role.values()).map(Role::name).filter(names::contains).toList();
    }

    /** Organisations as access checks compare them (ignoring case), each once, sorted. */
    static List<String> organisations(Collection<String> organisations) {
        return organisations.stream().map(org -> org.strip().toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }

    /** A name as stored: lower-case (sign-in ignores case, as for configured users). */
    public static String key(String name) {
        return Objects.toString(name, "").toLowerCase(Locale.ROOT);
    }

    /** Whether {@code name} may be a stored user's name. */
    public static boolean isName(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
    }

    private static final RowMapper<StoredUser> USER = (rs, row) -> new StoredUser(rs.getString("name"),
            texts(rs.getArray("roles")), texts(rs.getArray("organisations")), rs.getBoolean("enabled"),
            rs.getLong("version"), instant(rs, "created_at"), instant(rs, "changed_at"));

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
