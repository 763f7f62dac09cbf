package io.github.octocat.inventory.web;

import java.util.List;

/** One page of a list: {@code {"items":[…],"total":N,"limit":L,"offset":O}}. */
public record PageResponse<T>(List<T> items, long total, int limit, long offset) {
}
