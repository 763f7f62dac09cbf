package io.github.octocat.inventory.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.domain.Sort;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** limit, offset and sort of a list request: the defaults, the bounds and the 400 messages. */
class ListQueryTest {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "label", "label", "created_at", "createdAt");

    private static ListQuery parse(String... pairs) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return ListQuery.parse(query, SORTABLE, Set.of("label"));
    }

    @Test
    void theDefaultsAreTwentyFromTheStartById() {
        ListQuery query = parse();
        assertThat(query).isEqualTo(new ListQuery(20, 0, Sort.by("id")));
        assertThat(query.pageable()).isEqualTo(new OffsetPageable(20, 0, Sort.by("id")));
    }

    @Test
    void limitAndOffsetAreReadAtTheirBounds() {
        assertThat(parse("limit", "1", "offset", "0").limit()).isEqualTo(1);
        assertThat(parse("limit", "100", "offset", "250")).isEqualTo(new ListQuery(100, 250, Sort.by("id")));
        assertThat(ListQuery.of(100, 0).limit()).isEqualTo(100);
        assertThat(ListQuery.of(1, 0).offset()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "limit, 0, limit must be a whole number from 1 to 100",
        "limit, 101, limit must be a whole number from 1 to 100",
        "limit, -1, limit must be a whole number from 1 to 100",
        "limit, ten, limit must be a whole number from 1 to 100",
        "offset, -1, offset must be a whole number from 0 to 9223372036854775807",
        "offset, 1.5, offset must be a whole number from 0 to 9223372036854775807",
        "offset, 9223372036854775808, offset must be a whole number from 0 to 9223372036854775807",
    })
    void aBadLimitOrOffsetIsRefused(String name, String value, String message) {
        assertThatThrownBy(() -> parse(name, value)).isInstanceOf(BadRequestException.class).hasMessage(message);
    }

    @Test
    void ofChecksItsBoundsToo() {
        for (int limit : new int[] {0, 101}) {
            assertThatThrownBy(() -> ListQuery.of(limit, 0)).hasMessage("limit must be a whole number from 1 to 100");
        }
        assertThatThrownBy(() -> ListQuery.of(1, -1)).hasMessage("offset must be a whole number, 0 or more");
    }

    @Test
    void aParameterItReadsMayNotBeRepeated() {
        for (String name : new String[] {"limit", "offset", "sort", "label"}) {
            assertThatThrownBy(() -> parse(name, "1", name, "2")).hasMessage(name + " must be given at most once");
        }
        assertThat(parse("other", "1", "other", "2").limit()).isEqualTo(20);
    }

    @Test
    void sortIsAListOfNamesEachAscendingOrDescendingThenById() {
        assertThat(parse("sort", "-created_at,label").sort()).isEqualTo(
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("label"), Sort.Order.asc("id")));
        assertThat(parse("sort", "-id").sort()).isEqualTo(Sort.by(Sort.Order.desc("id")));
        assertThat(parse("sort", "label", "limit", "5").limit()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nope | got 'nope'",
        "label, | got ''",
        "--label | got '--label'",
    })
    void anUnknownSortKeyIsRefused(String sort, String end) {
        assertThatThrownBy(() -> parse("sort", sort)).isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("sort takes a comma list of ").hasMessageEndingWith(end);
    }

    @Test
    void aSortKeyNamedTwiceIsRefused() {
        assertThatThrownBy(() -> parse("sort", "label,-label")).hasMessage("sort names label twice");
    }
}
