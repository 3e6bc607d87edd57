package org.onewindow.shared;

/**
 * A request came with an Idempotency-Key already used for a different request by the same
 * caller. Answering with the first result would tell the caller their new request was done.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("Idempotency-Key reused with a different request");
    }
}
