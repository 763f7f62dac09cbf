package io.github.octocat.inventory.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values of the equality filters: what parses, and the 400 message for what does not. */
class QueryValuesTest {

    @Test
    void parsesWellFormedValues() {
        assertThat(QueryValues.parseLong("n", "-42")).isEqualTo(-42L);
        assertThat(QueryValues.parseLong("n", "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(QueryValues.parseBoolean("b", "true")).isTrue();
        assertThat(QueryValues.parseBoolean("b", "false")).isFalse();
        assertThat(QueryValues.parseDate("d", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(QueryValues.parseEnum("e", "green", List.of("red", "green"))).isEqualTo("green");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.5", "+1", "0x10", "1e3", " 1", "9223372036854775808", "12345678901234567890"})
    void aNumberThatIsNotAWholeNumberIsRefused(String value) {
        assertThatThrownBy(() -> QueryValues.parseLong("n", value))
                .isInstanceOf(BadRequestException.class).hasMessage("n must be a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TRUE", "1", "yes"})
    void aBooleanOtherThanTrueOrFalseIsRefused(String value) {
        assertThatThrownBy(() -> QueryValues.parseBoolean("b", value))
                .isInstanceOf(BadRequestException.class).hasMessage("b must be true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-02-30", "2024-5-31", "+2024-05-31", "2024-05-31T00:00:00Z", "31/05/2024"})
    void aDateThatIsNotADayInYyyyMmDdIsRefused(String value) {
        assertThatThrownBy(() -> QueryValues.parseDate("d", value))
                .isInstanceOf(BadRequestException.class).hasMessage("d must be a date such as 2024-05-31");
    }

    @Test
    void anEnumValueOutsideItsListIsRefused() {
        assertThatThrownBy(() -> QueryValues.parseEnum("e", "Green", List.of("red", "green")))
                .isInstanceOf(BadRequestException.class).hasMessage("e must be one of red, green");
    }
}
