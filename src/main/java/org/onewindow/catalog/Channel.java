package org.onewindow.catalog;

/** Ways a person can apply. */
public enum Channel {
    ONLINE, WINDOW, MOBILE, MAIL
}
