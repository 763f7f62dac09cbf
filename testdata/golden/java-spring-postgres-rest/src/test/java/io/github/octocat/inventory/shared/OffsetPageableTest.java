package io.github.octocat.inventory.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Paging by offset: the other pages are the same window moved by whole pages. */
class OffsetPageableTest {

    private static final Sort SORT = Sort.by("id");

    private static void assertWindow(Pageable page, long offset) {
        assertThat(page.getOffset()).isEqualTo(offset);
        assertThat(page.getPageSize()).isEqualTo(10);
        assertThat(page.getSort()).isEqualTo(SORT);
    }

    @Test
    void startsAtAnyOffset() {
        OffsetPageable page = new OffsetPageable(10, 25, SORT);
        assertWindow(page, 25);
        assertThat(page.getPageNumber()).isEqualTo(2);
        assertThat(page.hasPrevious()).isTrue();
    }

    @Test
    void movesByWholePages() {
        OffsetPageable page = new OffsetPageable(10, 25, SORT);
        assertWindow(page.next(), 35);
        assertWindow(page.previousOrFirst(), 15);
        assertWindow(new OffsetPageable(10, 5, SORT).previousOrFirst(), 0);
        assertWindow(page.first(), 0);
        assertWindow(page.withPage(3), 30);
    }

    @Test
    void theFirstPageHasNoPrevious() {
        OffsetPageable first = new OffsetPageable(10, 0, SORT);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.getPageNumber()).isZero();
        assertWindow(first.previousOrFirst(), 0);
    }

    @Test
    void aPageNumberPastTheLargestIntIsCapped() {
        assertThat(new OffsetPageable(1, Long.MAX_VALUE, SORT).getPageNumber()).isEqualTo(Integer.MAX_VALUE);
    }
}
