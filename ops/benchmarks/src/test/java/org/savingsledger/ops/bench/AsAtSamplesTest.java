package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AsAtSamplesTest {

    @Test
    void everySavingIsAskedAboutInTurnWithinTheRecordedYears() {
        List<AsAtSamples.Sample> samples = AsAtSamples.of(1000, 40, false, 7);

        assertThat(samples).hasSize(1000);
        // 1000 questions over 40 savings: each saving 25 times, in turn
        assertThat(samples).extracting(AsAtSamples.Sample::saving).startsWith(0, 1, 2).contains(39);
        assertThat(samples.stream().filter(sample -> sample.saving() == 17)).hasSize(25);
        assertThat(samples).allSatisfy(sample -> {
            assertThat(sample.asAt()).isBetween(Instant.parse("2020-03-01T10:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));
            assertThat(sample.effectiveOn()).isNull();
            assertThat(sample.query()).doesNotContain("effectiveOn");
        });
    }

    @Test
    void anEffectiveDateFallsBetweenTheFirstRecordingAndAsAt() {
        List<AsAtSamples.Sample> samples = AsAtSamples.of(500, 3, true, 7);

        assertThat(samples).allSatisfy(sample -> {
            assertThat(sample.effectiveOn()).isBetween(LocalDate.of(2020, 3, 1), LocalDate.ofInstant(sample.asAt(), java.time.ZoneOffset.UTC));
            assertThat(sample.query()).isEqualTo("asAt=" + sample.asAt() + "&effectiveOn=" + sample.effectiveOn());
        });
    }

    @Test
    void theSameSeedAsksTheSameQuestions() {
        assertThat(AsAtSamples.of(50, 40, true, 3)).isEqualTo(AsAtSamples.of(50, 40, true, 3))
                .isNotEqualTo(AsAtSamples.of(50, 40, true, 4));
    }
}
