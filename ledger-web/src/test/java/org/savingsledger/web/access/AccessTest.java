package org.savingsledger.web.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {

    @Test
    void rolesAndOrganisationsBecomeAuthoritiesAndUnknownRolesGrantNothing() {
        assertThat(Grants.authorities(List.of("editor", "ROLE_VIEWER", "SUPERUSER"), List.of(" Nottinghamshire ")))
                .containsExactlyInAnyOrder("ROLE_EDITOR", "ROLE_VIEWER", "ORG_nottinghamshire");
        assertThat(Grants.authorities(List.of("ADMIN"), List.of())).contains("ROLE_ADMIN", "ORG_*");
        assertThat(Grants.names("VIEWER, EDITOR FINANCE")).extracting(String::valueOf).containsExactlyInAnyOrder("VIEWER", "EDITOR", "FINANCE");
        assertThat(Grants.names(null)).isEmpty();
    }

    @Test
    void organisationsAllowOnlyTheirOwnUnlessAll() {
        Set<String> notts = Set.of("ORG_nottinghamshire", "ROLE_VIEWER");
        assertThat(Organisations.allows(notts, "Nottinghamshire")).isTrue();
        assertThat(Organisations.allows(notts, "leicestershire")).isFalse();
        assertThat(Organisations.allows(Set.of("ORG_*"), "leicestershire")).isTrue();
    }

    @Test
    void theAdministratorsPasswordIsGeneratedOnceAndKeptOnlyAsAHash(@TempDir Path dir) throws Exception {
        List<String> announced = new ArrayList<>();
        String hash = AdminAccount.passwordHash(null, dir, password -> "hash:" + password, announced::add);
        assertThat(announced).hasSize(1);
        String password = announced.get(0).replaceAll("(?s).*'admin': (\\S+).*", "$1");
        assertThat(hash).isEqualTo("hash:" + password);
        assertThat(Files.readString(dir.resolve("admin-password.hash")).trim()).isEqualTo(hash);
        assertThat(AdminAccount.passwordHash("", dir, p -> "other", announced::add)).isEqualTo(hash);
        assertThat(announced).hasSize(1);
        assertThat(AdminAccount.passwordHash("chosen", dir, p -> "hash:" + p, announced::add)).isEqualTo("hash:chosen");
    }
}
