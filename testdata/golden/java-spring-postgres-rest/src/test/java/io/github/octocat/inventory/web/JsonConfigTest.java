package io.github.octocat.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RFC 3339 readers of JsonConfig, on a mapper that has only them. */
class JsonConfigTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JsonConfig().rfc3339Module());

    @Test
    void readsAFullDateAndADateTimeWithAnOffset() throws Exception {
        assertThat(json.readValue("\"2024-02-29\"", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(json.readValue("\"2024-05-31T14:30:00Z\"", Instant.class))
                .isEqualTo(Instant.parse("2024-05-31T14:30:00Z"));
        assertThat(json.readValue("\"2024-05-31T16:30:00+02:00\"", Instant.class))
                .isEqualTo(Instant.parse("2024-05-31T14:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-02-30\"", "\"2024-5-31\"", "\"2024-05-31T00:00:00Z\"", "\"\"", "20240531"})
    void refusesAnythingElseAsADate(String value) {
        assertThatThrownBy(() -> json.readValue(value, LocalDate.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("must be a date such as 2024-05-31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-05-31T14:30:00\"", "\"2024-05-31\"", "\"2024-05-31T25:00:00Z\"", "1717165800"})
    void refusesADateTimeWithoutAZoneOrANumber(String value) {
        assertThatThrownBy(() -> json.readValue(value, Instant.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("must be a date and time such as 2024-05-31T14:30:00Z");
    }
}
