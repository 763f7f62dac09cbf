package io.github.octocat.inventory.item.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A item as the API shows it: the id, every field (null when unset) and the timestamps. */
public record ItemResponse(
        long id,
        @JsonProperty("title") String title,
        @JsonProperty("done") Boolean done,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {
}
