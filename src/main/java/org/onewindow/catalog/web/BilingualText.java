package org.onewindow.catalog.web;

import org.onewindow.catalog.LocalizedText;

/** A text in both languages as two inputs. */
public class BilingualText {
    private String zh = "";
    private String en = "";

    static BilingualText of(LocalizedText text) {
        BilingualText t = new BilingualText();
        t.zh = text.zh();
        t.en = text.en();
        return t;
    }

    LocalizedText text() {
        return new LocalizedText(zh, en);
    }

    public String getZh() { return zh; }
    public void setZh(String zh) { this.zh = zh == null ? "" : zh; }
    public String getEn() { return en; }
    public void setEn(String en) { this.en = en == null ? "" : en; }
}
