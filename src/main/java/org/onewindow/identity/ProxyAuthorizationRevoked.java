package org.onewindow.identity;

import java.time.Instant;
import java.util.UUID;

/** A person took back a proxy authorization: from now on the proxy acts for them no more, on any case. */
public record ProxyAuthorizationRevoked(UUID id, String principal, String proxy, Instant at) {
}
