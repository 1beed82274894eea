package org.savingsledger.query.committee.pack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SheetNamesTest {

    @Test
    void namesAreCutTo31CharactersAndThoseEqualOnceCutAreToldApart() {
        SheetNames names = new SheetNames();
        String common = "adult-social-care-and-health-transformation-";

        assertThat(names.unique(common + "a")).isEqualTo("adult-social-care-and-health-tr");
        assertThat(names.unique(common + "b")).isEqualTo("adult-social-care-and-health-~2");
        assertThat(names.unique(common + "c")).isEqualTo("adult-social-care-and-health-~3");
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        SheetNames names = new SheetNames();

        assertThat(names.unique("Summary")).isEqualTo("Summary");
        assertThat(names.unique("summary")).isEqualTo("summary~2");
    }

    @Test
    void forbiddenCharactersApostrophesAtTheEndsBlankAndHistoryAreReplaced() {
        SheetNames names = new SheetNames();

        assertThat(names.unique("a[b]c:d*e?f/g\\h")).isEqualTo("a_b_c_d_e_f_g_h");
        assertThat(names.unique("'quoted'")).isEqualTo("quoted");
        assertThat(names.unique("  ")).isEqualTo("Sheet");
        assertThat(names.unique("History")).isEqualTo("Sheet~2");
    }
}
