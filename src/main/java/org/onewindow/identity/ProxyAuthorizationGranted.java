package org.onewindow.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person let someone else act for them (a family member, an agent) for some items until a day. */
public record ProxyAuthorizationGranted(UUID id, String principal, String proxy, List<String> itemCodes, LocalDate validUntil,
                                        String grantedBy) {

    public ProxyAuthorizationGranted {
        itemCodes = List.copyOf(itemCodes);
    }
}
