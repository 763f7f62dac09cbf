package io.github.octocat.inventory.shared;

/** A request that cannot be understood: a bad query parameter, a body that is not a JSON object. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
