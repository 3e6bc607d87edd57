package org.onewindow.modularityfixture.intruder;

import org.onewindow.modularityfixture.owner.internal.Ledger;

public class Intruder {
    int peek(Ledger ledger) {
        return ledger.balance();
    }
}
