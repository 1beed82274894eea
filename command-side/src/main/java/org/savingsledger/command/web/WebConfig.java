package org.savingsledger.command.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.web.BodyLimitFilter;
import org.savingsledger.web.LedgerWeb;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.LocalDate;

/**
 * The command side's web layer: the edge it shares with the query side ({@link LedgerWeb}), its own
 * filters, and its JSON. The HTTP {@code ObjectMapper} is strict because every lenient
 * default would let a wrong figure in silently: an unknown field (a typo such as {@code ammount})
 * would be dropped, {@code "100"} would pass for money and {@code 1} for {@code AMBER}, and
 * {@code 3.7} would be truncated to version 3, and {@code 5} would pass for a reason. For the same reason
 * text, dates and profiles have their own deserializers: a NUL in a title, the time of an effective date
 * and one of a year named twice in a profile ({@code 2018-19} and {@code 2018/19}) were kept or dropped
 * silently. Stored events use their own mapper (see
 * {@code AxonConfig}), so none of this changes how events are read.
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerWeb.class)
@org.springframework.scheduling.annotation.EnableScheduling
public class WebConfig {

    /** Only commands and changes to the stored users have bodies worth limiting: the filter passes every other request. */
    @Bean
    BodyLimitFilter bodyLimitFilter(ObjectMapper json) {
        return new BodyLimitFilter(json);
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictCommandJson() {
        return builder -> builder
                .featuresToEnable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .featuresToDisable(
                        MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // text without control characters, dates without a time and within range, a profile naming each year once
                .deserializerByType(String.class, new TextDeserializer())
                .deserializerByType(LocalDate.class, new DateDeserializer())
                .deserializerByType(SavingsProfile.class, ProfileDeserializer.money())
                .deserializerByType(PostsProfile.class, ProfileDeserializer.posts())
                // ALLOW_COERCION_OF_SCALARS does not cover numbers and booleans read as text: 5 for a title or reason
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
