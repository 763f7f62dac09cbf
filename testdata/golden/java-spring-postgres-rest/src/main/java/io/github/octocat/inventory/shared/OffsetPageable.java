package io.github.octocat.inventory.shared;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A {@link Pageable} that starts at any offset, not only at multiples of the page size
 * (Spring's {@code PageRequest} only knows page numbers).
 */
public record OffsetPageable(int limit, long offset, Sort sort) implements Pageable {

    @Override
    public int getPageNumber() {
        return (int) Math.min(Integer.MAX_VALUE, offset / limit);
    }

    @Override
    public int getPageSize() {
        return limit;
    }

    @Override
    public long getOffset() {
        return offset;
    }

    @Override
    public Sort getSort() {
        return sort;
    }

    @Override
    public Pageable next() {
        return new OffsetPageable(limit, offset + limit, sort);
    }

    @Override
    public Pageable previousOrFirst() {
        return hasPrevious() ? new OffsetPageable(limit, Math.max(0, offset - limit), sort) : first();
    }

    @Override
    public Pageable first() {
        return new OffsetPageable(limit, 0, sort);
    }

    @Override
    public Pageable withPage(int pageNumber) {
        return new OffsetPageable(limit, (long) pageNumber * limit, sort);
    }

    @Override
    public boolean hasPrevious() {
        return offset > 0;
    }
}
