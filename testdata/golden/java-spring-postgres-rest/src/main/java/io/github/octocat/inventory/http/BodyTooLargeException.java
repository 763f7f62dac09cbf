package io.github.octocat.inventory.http;

import java.io.IOException;

/** A request body went past {@link HttpGuardFilter#MAX_BODY_BYTES} while it was being read. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException() {
        super("the request body is larger than 1 MiB");
    }
}
