package org.savingsledger.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class UnreachableUsersTest {

    @Test
    void aUserNameWithADotOutsideBracketsIsReportedOnce() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("ledger.security.users.j.smith.password", "{noop}pw")
                .withProperty("ledger.security.users.j.smith.roles[0]", "EDITOR")
                .withProperty("ledger.security.users.j.smith.organisations[0]", "nottinghamshire");

        assertThat(UnreachableUsers.in(environment)).containsExactly("j.smith");
        // why it is worth a warning: Spring binds no user of that name
        assertThat(Binder.get(environment).bindOrCreate("ledger.security", SecurityProperties.class).users())
                .doesNotContainKey("j.smith");
        assertThat(UnreachableUsers.warning("j.smith")).contains("'j.smith' can never sign in", "\"[j.smith]\":");
    }

    @Test
    void namesInBracketsAndNamesWithoutDotsAreFine() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("ledger.security.users[finance.team].password", "{noop}pw")
                .withProperty("ledger.security.users[finance.team].roles[0]", "FINANCE")
                .withProperty("ledger.security.users.viewer-notts.password", "{noop}pw")
                .withProperty("ledger.security.users.viewer-notts.organisations[0]", "leicestershire")
                .withProperty("ledger.security.roles-claim", "roles");

        assertThat(UnreachableUsers.in(environment)).isEmpty();
        assertThat(Binder.get(environment).bindOrCreate("ledger.security", SecurityProperties.class).users())
                .containsKeys("finance.team", "viewer-notts");
    }
}
