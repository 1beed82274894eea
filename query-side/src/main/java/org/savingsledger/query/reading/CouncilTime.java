package org.savingsledger.query.reading;

import java.time.ZoneId;

/** Committee reports, dates given for instants and "effective today" are reckoned in the councils' own time zone. */
public final class CouncilTime {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private CouncilTime() {
    }
}
