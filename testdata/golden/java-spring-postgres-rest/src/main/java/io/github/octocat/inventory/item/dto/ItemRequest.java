package io.github.octocat.inventory.item.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.octocat.inventory.shared.NotBlankText;
import io.github.octocat.inventory.shared.PlainText;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * What a client sends to create or replace a item (POST and PUT; PATCH is merged onto
 * the stored values and checked the same way). Lengths count Unicode characters.
 */
public record ItemRequest(
        @JsonProperty("title")
        @NotNull
        @NotBlankText
        @CodePointLength(min = 1, max = 200)
        @PlainText
        String title,
        @JsonProperty("done")
        @NotNull
        Boolean done) {

    /** The starting point of a POST or PUT body: every default, and null for the rest. */
    public static ItemRequest defaults() {
        return new ItemRequest(null, Boolean.FALSE);
    }
}
