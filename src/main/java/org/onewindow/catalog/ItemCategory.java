package org.onewindow.catalog;

/** The kinds of government power or service in the national list of service items. */
public enum ItemCategory {
    ADMINISTRATIVE_LICENCE, ADMINISTRATIVE_CONFIRMATION, ADMINISTRATIVE_PAYMENT, ADMINISTRATIVE_REWARD, ADMINISTRATIVE_ADJUDICATION, OTHER_ADMINISTRATIVE_POWER, PUBLIC_SERVICE
}
