package io.github.octocat.inventory.domain;

import java.util.List;

/** One page of items: {@code {"items":[…],"total":N,"limit":L,"offset":O}}. */
public record ItemPage(List<Item> items, long total, int limit, int offset) {
}
