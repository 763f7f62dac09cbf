package io.github.octocat.inventory.shared;

/** No record has the requested id (a malformed id is "not found" too, never a 400). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " not found");
    }
}
