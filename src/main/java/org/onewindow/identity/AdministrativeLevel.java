package org.onewindow.identity;

/** The five levels of government, from the top. */
public enum AdministrativeLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE
}
