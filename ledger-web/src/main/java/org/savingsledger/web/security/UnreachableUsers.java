package org.savingsledger.web.security;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configured user names that can never sign in because of how they were written. Spring binds
 * {@code ledger.security.users.j.smith.password} as a user {@code j} with a property {@code smith}, so
 * the user {@code j.smith} silently does not exist: a name with a dot must be written in brackets
 * ({@code "[j.smith]":} in YAML, {@code ledger.security.users[j.smith].password} in properties).
 * The ledger warns about each such name at start-up rather than leave an administrator guessing why
 * a sign-in fails.
 */
final class UnreachableUsers {

    private static final Pattern DOTTED_USER =
            Pattern.compile("ledger\\.security\\.users\\.([^\\[\\]]+)\\.(password|roles|organisations)(\\[\\d+])?");

    private UnreachableUsers() {
    }

    /** The user names written with a dot outside brackets in any of the environment's property sources. */
    static Set<String> in(Environment environment) {
        Set<String> names = new TreeSet<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            configurable.getPropertySources().forEach(source -> {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String property : enumerable.getPropertyNames()) {
                        Matcher matcher = DOTTED_USER.matcher(property);
                        if (matcher.matches() && matcher.group(1).contains(".")) {
                            names.add(matcher.group(1));
                        }
                    }
                }
            });
        }
        return names;
    }

    /** What the start-up log says of {@code name}. */
    static String warning(String name) {
        return "Configured user '" + name + "' can never sign in: a user name with a dot must be written in brackets, "
                + "\"[" + name + "]\": in YAML or ledger.security.users[" + name + "].password in properties";
    }
}
