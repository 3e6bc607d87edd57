package org.onewindow.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Someone's recorded permission for another person to act for them, for named items until a date. */
public record ProxyAuthorization(UUID id, String principal, String proxy, List<String> itemCodes, LocalDate validUntil,
                                 String grantedBy, Instant grantedAt, Instant revokedAt) {

    public ProxyAuthorization {
        itemCodes = List.copyOf(itemCodes);
    }

    public boolean covers(String itemCode, LocalDate today) {
        return revokedAt == null && !today.isAfter(validUntil) && itemCodes.contains(itemCode);
    }
}
