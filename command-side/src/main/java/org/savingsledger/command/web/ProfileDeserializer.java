package org.savingsledger.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.SavingsProfile;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A profile in a command body: {@code {"2018/19": 6804000, ...}}. A year may be written
 * {@code 2018/19} or {@code 2018-19}, so {@code {"2018-19": 1, "2018/19": 2}} names one year twice;
 * read as a map it kept one of the amounts and silently dropped the other. Each key is parsed here,
 * before anything is merged, and a year named twice in any spelling is refused naming
 * {@code profile}. Errors of a key or an amount name it, e.g. {@code profile.2018/20}, as before.
 * Posts per year ({@code posts}: {@code {"2018/19": 12.5}}) are read the same way.
 */
final class ProfileDeserializer<V, P> extends StdDeserializer<P> {

    private final Class<P> profileType;
    private final Class<V> valueType;
    private final Function<Map<FinancialYear, V>, P> profile;

    private ProfileDeserializer(Class<P> profileType, Class<V> valueType, Function<Map<FinancialYear, V>, P> profile) {
        super(profileType);
        this.profileType = profileType;
        this.valueType = valueType;
        this.profile = profile;
    }

    static ProfileDeserializer<Money, SavingsProfile> money() {
        return new ProfileDeserializer<>(SavingsProfile.class, Money.class, SavingsProfile::of);
    }

    static ProfileDeserializer<Fte, PostsProfile> posts() {
        return new ProfileDeserializer<>(PostsProfile.class, Fte.class, PostsProfile::of);
    }

    @Override
    public P deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return profileType.cast(context.handleUnexpectedToken(profileType, parser));
        }
        Map<FinancialYear, V> amounts = new TreeMap<>();
        Map<FinancialYear, String> spelling = new HashMap<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            FinancialYear year;
            try {
                year = FinancialYear.parse(key);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.wrapWithPath(e, amounts, key);
            }
            JsonToken value = parser.nextToken();
            V amount;
            try {
                amount = value == JsonToken.VALUE_NULL ? null : context.readValue(parser, valueType);
            } catch (JsonMappingException | RuntimeException e) {
                throw JsonMappingException.wrapWithPath(e, amounts, key);
            }
            String earlier = spelling.putIfAbsent(year, key);
            if (earlier != null) {
                throw new IllegalArgumentException("names the year " + year + " twice ('" + earlier + "' and '" + key
                        + "'); each year may appear once");
            }
            amounts.put(year, amount);
        }
        // the value type's own checks (no negative or missing amount) apply as to any profile
        return profile.apply(amounts);
    }
}
