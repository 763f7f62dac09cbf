package io.github.octocat.inventory.domain;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * What a client may set on a item: the body of create and update.
 *
 * @param title required, 1 to 200 characters (counted as Unicode code points, spaces included)
 * @param done  optional, {@code false} when absent
 */
public record ItemInput(
        @NotNull(message = "title is required")
        @CodePointLength(min = 1, max = 200, message = "title must be between 1 and 200 characters")
        String title,
        Boolean done) {

    /** {@code done}, with the default applied. */
    public boolean doneOrDefault() {
        return done != null && done;
    }
}
