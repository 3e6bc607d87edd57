package org.onewindow.shared.web;

/** A request body went over the configured limit while it was being read. */
class PayloadTooLargeException extends RuntimeException {

    private final long limitBytes;

    PayloadTooLargeException(long limitBytes) {
        super("request body over " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    long limitBytes() {
        return limitBytes;
    }
}
