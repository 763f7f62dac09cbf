package io.github.octocat.inventory.domain;

/** Thrown when a request is well-formed but its values are not acceptable. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
