package org.onewindow.modularityfixture.owner;

public class Owner {
}
