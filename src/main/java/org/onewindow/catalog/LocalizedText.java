package org.onewindow.catalog;

import java.util.Locale;

/** A text every citizen-facing item carries in both Simplified Chinese and English. */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        zh = zh == null ? "" : zh.strip();
        en = en == null ? "" : en.strip();
    }

    public String in(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        if (english) {
            return en.isEmpty() ? zh : en;
        }
        return zh.isEmpty() ? en : zh;
    }

    public boolean inBothLanguages() {
        return !zh.isEmpty() && !en.isEmpty();
    }

    public static LocalizedText empty() {
        return new LocalizedText("", "");
    }
}
