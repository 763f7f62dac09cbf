package io.github.octocat.inventory.shared;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.util.MultiValueMap;

/**
 * The paging and ordering of a list request: {@code limit} 1–{@value #MAX_LIMIT} (default
 * {@value #DEFAULT_LIMIT}), {@code offset} 0 or more, {@code sort} a comma list of
 * {@code [-]name}. Every order ends with the id, so that pages never overlap.
 */
public record ListQuery(int limit, long offset, Sort sort) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** A query with the default order (by id). */
    public static ListQuery of(int limit, long offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new BadRequestException("offset must be a whole number, 0 or more");
        }
        return new ListQuery(limit, offset, Sort.by("id"));
    }

    /**
     * Reads limit, offset and sort from the query string. {@code sortable} maps every name
     * that {@code sort} accepts to the Java property it orders by; {@code known} lists the
     * other parameters the endpoint reads, none of which may be repeated.
     */
    public static ListQuery parse(MultiValueMap<String, String> query, Map<String, String> sortable,
            Set<String> known) {
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            boolean ours = param.getKey().equals("limit") || param.getKey().equals("offset")
                    || param.getKey().equals("sort") || known.contains(param.getKey());
            if (ours && param.getValue().size() > 1) {
                throw new BadRequestException(param.getKey() + " must be given at most once");
            }
        }
        int limit = (int) number(query.getFirst("limit"), "limit", DEFAULT_LIMIT);
        long offset = number(query.getFirst("offset"), "offset", 0);
        ListQuery paging = of(limit, offset);
        String sort = query.getFirst("sort");
        if (sort == null) {
            return paging;
        }
        List<Sort.Order> orders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String key : sort.split(",", -1)) {
            boolean descending = key.startsWith("-");
            String name = descending ? key.substring(1) : key;
            String property = sortable.get(name);
            if (property == null) {
                throw new BadRequestException("sort takes a comma list of " + String.join(", ", sortable.keySet())
                        + ", each optionally preceded by - for descending order; got '" + key + "'");
            }
            if (!seen.add(name)) {
                throw new BadRequestException("sort names " + name + " twice");
            }
            orders.add(descending ? Sort.Order.desc(property) : Sort.Order.asc(property));
        }
        if (!seen.contains("id")) {
            orders.add(Sort.Order.asc("id"));
        }
        return new ListQuery(paging.limit(), paging.offset(), Sort.by(orders));
    }

    /** The pageable for Spring Data. */
    public OffsetPageable pageable() {
        return new OffsetPageable(limit, offset, sort);
    }

    private static long number(String value, String name, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            if (!value.matches("[0-9]{1,19}")) {
                throw new NumberFormatException(value);
            }
            long n = Long.parseLong(value);
            if (name.equals("limit") && (n < 1 || n > MAX_LIMIT)) {
                throw new NumberFormatException(value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name.equals("limit")
                    ? "limit must be a whole number from 1 to " + MAX_LIMIT
                    : "offset must be a whole number from 0 to 9223372036854775807");
        }
    }
}
