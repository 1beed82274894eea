package org.savingsledger.query.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Reading a fact's instants and dates gives what {@code Instant.parse} and {@code LocalDate.parse} give, answer or error. */
class IsoTextTest {

    @Test
    void instantsAsFactsWriteThem() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoText.instant(instant.toString())).isEqualTo(instant);
        }
        assertThat(IsoText.instant("2020-03-01T09:00:00.5Z")).isEqualTo(Instant.ofEpochSecond(1_583_053_200L, 500_000_000));
    }

    @Test
    void datesAsFactsWriteThem() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay()));
            assertThat(IsoText.date(date.toString())).isEqualTo(date);
        }
    }

    @Test
    void otherTextAsTheJdkReadsIt() {
        for (String text : List.of("2020-02-30T09:00:00Z", "2020-13-01T09:00:00Z", "2020-01-01T24:00:00Z",
                "2016-12-31T23:59:60Z", "2020-01-01T09:00:00.Z", "2020-01-01T09:00:00.1234567890Z", "2020-01-01 09:00:00Z",
                "2020-01-01T09:00:00+01:00", "+10000-01-01T00:00:00Z", "2020-01-01T0a:00:00Z", "2020-1-01T09:00:00Z",
                "-0001-01-01T00:00:00Z", "2020-01-01t09:00:00z", "2020-01-01T09:00Z")) {
            assertSameAs(Instant::parse, IsoText::instant, text);
        }
        for (String text : List.of("2020-02-30", "2020-13-01", "2020-1-1", "+10000-01-01", "2020/01/01", "20a0-01-01",
                "2021-02-29", "2020-02-29", "0000-01-01")) {
            assertSameAs(LocalDate::parse, IsoText::date, text);
        }
    }

    private static <T> void assertSameAs(Function<String, T> jdk, Function<String, T> ours, String text) {
        Throwable expectedError = catchThrowable(() -> jdk.apply(text));
        if (expectedError == null) {
            assertThat(ours.apply(text)).as(text).isEqualTo(jdk.apply(text));
        } else {
            assertThat(catchThrowable(() -> ours.apply(text))).as(text).isExactlyInstanceOf(expectedError.getClass());
        }
    }
}
