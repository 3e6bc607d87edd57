package org.onewindow.catalog;

import java.time.Instant;
import java.util.UUID;

/** One version of a service item in the standard list. */
public record ServiceItem(UUID id, String code, int version, ItemStatus status, ItemStandard standard,
                          Instant createdAt, Instant publishedAt) {
}
