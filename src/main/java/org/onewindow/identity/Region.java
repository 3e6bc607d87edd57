package org.onewindow.identity;

import java.util.Locale;

/**
 * A node of the administrative tree. Its subtree is every region whose code starts with its
 * significant prefix: 33 for a province 330000, 3301 for a city 330100, the whole code below.
 */
public record Region(String code, String parentCode, AdministrativeLevel level, String nameZh, String nameEn) {

    public String prefix() {
        return significantPrefix(code, level);
    }

    public boolean covers(String otherCode) {
        return otherCode != null && otherCode.startsWith(prefix());
    }

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public static String significantPrefix(String code, AdministrativeLevel level) {
        return switch (level) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY, TOWNSHIP, VILLAGE -> code;
        };
    }

    /** The level a code's shape implies: 9 digits a township, 12 a village, 6 by its trailing zeros. */
    public static AdministrativeLevel levelOf(String code) {
        if (code.length() == 12) {
            return AdministrativeLevel.VILLAGE;
        }
        if (code.length() == 9) {
            return AdministrativeLevel.TOWNSHIP;
        }
        if (code.endsWith("0000")) {
            return AdministrativeLevel.PROVINCE;
        }
        return code.endsWith("00") ? AdministrativeLevel.CITY : AdministrativeLevel.COUNTY;
    }
}
