package org.onewindow.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a city or county carries out a standard item: local details (address, hours, contact)
 * and, where it chooses, a stricter promise. Null numbers mean "as the standard says".
 */
public record LocalImplementation(String itemCode, String regionCode, LocalizedText address, LocalizedText hours,
                                  String phone, Integer promisedDays, BigDecimal feeYuan, Integer visits,
                                  List<String> materialCodes) {

    public LocalImplementation {
        address = address == null ? LocalizedText.empty() : address;
        hours = hours == null ? LocalizedText.empty() : hours;
        materialCodes = materialCodes == null ? null : List.copyOf(materialCodes);
    }
}
