package org.onewindow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a person reads on a page, checked for what they should not have to read: Chinese on an
 * English page, outside what is marked as Chinese and the data on it; and the platform's codes
 * instead of words (enum names, unresolved message keys, Java names), with the decision tables'
 * keys and versions allowed on staff pages only, where they are the evidence of a decision.
 */
public final class ReaderText {

    /**
     * The text of the page and the words of its attributes (labels, placeholders, alternatives), one
     * line each, without what is marked as written in Chinese (lang="zh…"), such as the link to the Chinese
     * pages, and without what is in text areas: what someone wrote there, or an administrator's item as data.
     */
    private static final String READABLE_TEXT = """
            const lines = [document.title];
            const chinese = e => e.closest('[lang^="zh"]') !== null;
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const e = n.parentElement;
              if (e.closest('script, style, template, textarea') || chinese(e) || !n.textContent.trim()) continue;
              lines.push(n.textContent.trim());
            }
            for (const e of document.body.querySelectorAll('[placeholder], [aria-label], [alt], [title], input[type=submit]')) {
              if (chinese(e)) continue;
              for (const a of ['placeholder', 'aria-label', 'alt', 'title', 'value']) {
                if (e.hasAttribute(a) && (a !== 'value' || e.type === 'submit')) lines.push(e.getAttribute(a));
              }
            }
            return lines;
            """;

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern MASKED_NAME = Pattern.compile("\\p{IsHan}\\*+");

    /** Codes a person should never see. */
    private static final List<Pattern> CODES = List.of(
            Pattern.compile("\\?\\?[^?\\s]+\\?\\?"),
            Pattern.compile("\\b[A-Z]{3,}(?:_[A-Z]+)+\\b"),
            Pattern.compile("\\b(?:SUBMITTED|ACCEPTED|REVIEWING|APPROVED|DENIED|DELIVERED|CLOSED|WITHDRAWN|PERSON|ENTERPRISE"
                    + "|TEXT|NUMBER|DATE|BOOLEAN|CHOICE|APPROVE|REFER|DENY|INDIVIDUAL|FAMILY|ONLINE|WINDOW)\\b"),
            Pattern.compile("\\b(?:java|org|jakarta)\\.[a-z]+\\.[\\w.]+"),
            Pattern.compile("\\b\\w+(?:Exception|Error)\\b"),
            Pattern.compile("\\b(?:null|undefined|NaN)\\b"));

    /** Internal identifiers for staff pages only: a decision table's key, its version with the hash of its file. */
    private static final List<Pattern> INTERNAL_IDENTIFIERS = List.of(
            Pattern.compile("\\b[a-z]{2}-\\d{3}-[a-z-]+\\b"),
            Pattern.compile("\\b\\d{4}\\.\\d+/[0-9a-f]{6,}\\b"));

    private final List<String> lines;

    private ReaderText(List<String> lines) {
        this.lines = lines;
    }

    @SuppressWarnings("unchecked")
    public static ReaderText of(ChromeDriver page) {
        return new ReaderText((List<String>) page.executeScript(READABLE_TEXT));
    }

    /** The lines with Chinese in them once the given data (names, what people typed) is taken out. */
    public List<String> chinese(List<String> data) {
        Set<String> found = new LinkedHashSet<>();
        for (String line : lines) {
            // a masked name (张*, 杭***********) is personal data shown as the record has it
            String rest = MASKED_NAME.matcher(line).replaceAll("");
            for (String datum : data) {
                rest = rest.replace(datum, "");
            }
            if (HAN.matcher(rest).find()) {
                found.add(line);
            }
        }
        return new ArrayList<>(found);
    }

    /** Each code found, with the line it is in; a staff page may show the decision tables' identifiers. */
    public List<String> codes(boolean staffPage) {
        List<Pattern> patterns = new ArrayList<>(CODES);
        if (!staffPage) {
            patterns.addAll(INTERNAL_IDENTIFIERS);
        }
        Set<String> found = new LinkedHashSet<>();
        for (String line : lines) {
            for (Pattern pattern : patterns) {
                Matcher code = pattern.matcher(line);
                if (code.find()) {
                    found.add("“" + code.group() + "” in: " + line);
                }
            }
        }
        return new ArrayList<>(found);
    }
}
