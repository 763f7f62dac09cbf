package io.github.octocat.inventory.shared;

/**
 * A body that is well-formed JSON but holds a value that a field cannot take: an unknown
 * key, a value of the wrong type, a number that does not fit. Answered with 422 naming the
 * field; constraint violations (too long, out of range …) come from Bean Validation instead.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
