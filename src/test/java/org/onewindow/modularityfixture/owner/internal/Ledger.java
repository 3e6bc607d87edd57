package org.onewindow.modularityfixture.owner.internal;

public class Ledger {
    public int balance() {
        return 0;
    }
}
