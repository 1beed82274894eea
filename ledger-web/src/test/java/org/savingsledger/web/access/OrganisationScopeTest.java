package org.savingsledger.web.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Every organisation" is a value of its own that only the administrator's grant makes; nothing fails open. */
class OrganisationScopeTest {

    @Test
    void aSetOfOrganisationsSeesExactlyThose() {
        OrganisationScope scope = OrganisationScope.of(Set.of(" Nottinghamshire "));
        assertThat(scope.includes("nottinghamshire")).isTrue();
        assertThat(scope.includes("NOTTINGHAMSHIRE")).isTrue();
        assertThat(scope.includes("leicestershire")).isFalse();
        assertThat(scope.includes(null)).isFalse();
        assertThat(scope.isEveryOrganisation()).isFalse();
    }

    @Test
    void anEmptyOrMissingSetIsNeverEveryOrganisation() {
        assertThat(OrganisationScope.of(Set.of())).isEqualTo(OrganisationScope.none());
        assertThat(OrganisationScope.none().includes("nottinghamshire")).isFalse();
        assertThat(OrganisationScope.none().includes(null)).isFalse();
        assertThat(OrganisationScope.none().isEveryOrganisation()).isFalse();
        assertThatThrownBy(() -> OrganisationScope.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> OrganisationScope.granted(null)).isInstanceOf(NullPointerException.class);
        // "*" as a name is a name, not a wildcard
        assertThat(OrganisationScope.of(Set.of("*")).includes("nottinghamshire")).isFalse();
    }

    @Test
    void onlyTheAdministratorsGrantIsEveryOrganisation() {
        assertThat(OrganisationScope.granted(Grants.authorities(List.of("ADMIN"), List.of()))).isEqualTo(OrganisationScope.everyOrganisation());
        assertThat(OrganisationScope.everyOrganisation().includes("leicestershire")).isTrue();
        OrganisationScope viewer = OrganisationScope.granted(Grants.authorities(List.of("VIEWER"), List.of("nottinghamshire")));
        assertThat(viewer).isEqualTo(OrganisationScope.of(Set.of("nottinghamshire")));
        assertThat(OrganisationScope.granted(Grants.authorities(List.of("VIEWER"), List.of()))).isEqualTo(OrganisationScope.none());
        assertThat(OrganisationScope.granted(List.of("ROLE_VIEWER"))).isEqualTo(OrganisationScope.none());
    }

    /** A configured user or a token's organisations claim cannot name "*" to see every organisation. */
    @Test
    void noUserOrTokenCanBeGivenEveryOrganisationByName() {
        Set<String> authorities = Grants.authorities(List.of("VIEWER"), List.of("*", " * ", "leicestershire"));
        assertThat(authorities).containsExactlyInAnyOrder("ROLE_VIEWER", "ORG_leicestershire");
        assertThat(OrganisationScope.granted(authorities).isEveryOrganisation()).isFalse();
        assertThat(OrganisationScope.granted(authorities).includes("nottinghamshire")).isFalse();
    }
}
