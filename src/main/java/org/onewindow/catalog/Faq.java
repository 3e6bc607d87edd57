package org.onewindow.catalog;

public record Faq(LocalizedText question, LocalizedText answer) {
}
