package org.onewindow.catalog;

public record Faq(LocalizedText question, LocalizedText answer) {

    public Faq {
        question = question == null ? LocalizedText.empty() : question;
        answer = answer == null ? LocalizedText.empty() : answer;
    }
}
