package io.github.octocat.inventory.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict JSON input. By default Jackson turns {@code 123} into the text "123", {@code "true"}
 * into true and {@code 1.5} into the whole number 1; here a value of the wrong type is an
 * error (422). Dates and times are strings in RFC 3339 form only: {@code 2024-05-31} and
 * {@code 2024-05-31T14:30:00Z} (any offset), never a number of seconds or a time without a zone.
 * The rest is in application.properties (unknown keys, trailing data).
 */
@Configuration
public class JsonConfig {

    /** JSON nested deeper than this is refused with 400 before it is bound to anything. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** Registered by Spring Boot after Jackson's own java.time module, so these readers win. */
    @Bean
    SimpleModule rfc3339Module() {
        return new SimpleModule("rfc3339")
                .addDeserializer(LocalDate.class, new StrictDate())
                .addDeserializer(Instant.class, new StrictDateTime());
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.getFactory().setStreamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Boolean)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Integer)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Float)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.DateTime)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        });
    }

    /** A full-date, {@code YYYY-MM-DD}, and a day that exists. */
    static final class StrictDate extends StdScalarDeserializer<LocalDate> {

        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.hasToken(JsonToken.VALUE_STRING) ? p.getText() : null;
            if (text != null && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    // not a day of the calendar: refused below
                }
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, String.valueOf(text),
                    "must be a date such as 2024-05-31");
        }
    }

    /** A date-time with a zone, {@code 2024-05-31T14:30:00Z} or {@code …+02:00}; kept as an instant (UTC). */
    static final class StrictDateTime extends StdScalarDeserializer<Instant> {

        StrictDateTime() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.hasToken(JsonToken.VALUE_STRING) ? p.getText() : null;
            if (text != null) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    // refused below
                }
            }
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, String.valueOf(text),
                    "must be a date and time such as 2024-05-31T14:30:00Z");
        }
    }
}
