package io.github.octocat.inventory.domain;

/** Thrown when no item has the requested id (or the id is malformed). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String id) {
        super("item " + id + " not found");
    }
}
