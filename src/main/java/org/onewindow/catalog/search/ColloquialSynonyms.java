package org.onewindow.catalog.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What people say, mapped to what the catalog calls it: "开饭店" is how a person asks for a
 * 食品经营许可, and no item text will ever say "开饭店".
 *
 * <p>Rules come one a line as {@code colloquial1, colloquial2 => official1, official2}; lines
 * starting with {@code #} are comments. A colloquial phrase found anywhere in the query, in any
 * letter case, adds the rule's official terms to it.
 */
@Component
public class ColloquialSynonyms {

    public static final String RULES_ON_CLASSPATH = "catalog/synonyms.txt";

    private static final String ARROW = "=>";
    // Chinese keyboards type the full-width comma as readily as the ASCII one.
    private static final Pattern PHRASE_SEPARATOR = Pattern.compile("[,，]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<Rule> rules;

    /** The rules the platform ships with. */
    public ColloquialSynonyms() {
        this(rulesFromClasspath(RULES_ON_CLASSPATH));
    }

    ColloquialSynonyms(Reader rules) {
        this(parse(rules, "synonym rules"));
    }

    private ColloquialSynonyms(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ColloquialSynonyms fromClasspath(String path) {
        return new ColloquialSynonyms(rulesFromClasspath(path));
    }

    public static ColloquialSynonyms from(InputStream rules) {
        return new ColloquialSynonyms(new InputStreamReader(rules, StandardCharsets.UTF_8));
    }

    /** The query followed by the official terms of every rule it triggers; unchanged if none. */
    public String expand(String query) {
        String asTyped = query == null ? "" : query;
        List<String> officialTerms = officialTermsFor(asTyped);
        if (officialTerms.isEmpty()) {
            return asTyped;
        }
        return asTyped + " " + String.join(" ", officialTerms);
    }

    /** The official terms of every rule the query triggers, each once, in rule order. */
    List<String> officialTermsFor(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String comparable = comparable(query);
        Set<String> officialTerms = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.isTriggeredBy(comparable)) {
                officialTerms.addAll(rule.officialTerms());
            }
        }
        return List.copyOf(officialTerms);
    }

    public int ruleCount() {
        return rules.size();
    }

    private static List<Rule> rulesFromClasspath(String path) {
        ClassPathResource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            throw new IllegalArgumentException("no synonym rules on the classpath at " + path);
        }
        try (InputStream in = resource.getInputStream()) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read synonym rules " + path, e);
        }
    }

    private static List<Rule> parse(Reader source, String sourceName) {
        Objects.requireNonNull(source, "synonym rules");
        List<Rule> rules = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(source)) {
            int lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                String rule = (lineNumber == 1 ? withoutByteOrderMark(line) : line).strip();
                if (rule.isEmpty() || rule.startsWith("#")) {
                    continue;
                }
                rules.add(parseRule(rule, sourceName, lineNumber));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
        return rules;
    }

    private static Rule parseRule(String line, String sourceName, int lineNumber) {
        int arrow = line.indexOf(ARROW);
        if (arrow < 0 || line.indexOf(ARROW, arrow + ARROW.length()) >= 0) {
            throw malformed(sourceName, lineNumber, line, "expected exactly one '=>'");
        }
        List<String> colloquial = phrases(line.substring(0, arrow), sourceName, lineNumber, line, "colloquial");
        List<String> official = phrases(line.substring(arrow + ARROW.length()), sourceName, lineNumber, line, "official");
        return new Rule(colloquial.stream().map(ColloquialSynonyms::comparable).toList(), official);
    }

    private static List<String> phrases(String side, String sourceName, int lineNumber, String line, String which) {
        List<String> phrases = new ArrayList<>();
        for (String phrase : PHRASE_SEPARATOR.split(side, -1)) {
            String stripped = phrase.strip();
            if (stripped.isEmpty()) {
                throw malformed(sourceName, lineNumber, line, "empty " + which + " phrase");
            }
            phrases.add(stripped);
        }
        return phrases;
    }

    private static IllegalArgumentException malformed(String sourceName, int lineNumber, String line, String problem) {
        return new IllegalArgumentException(
                "%s line %d: %s, in \"%s\"".formatted(sourceName, lineNumber, problem, line));
    }

    private static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /**
     * Full-width letters from a Chinese keyboard, letter case and doubled spaces must not decide
     * whether a person's words trigger a rule.
     */
    private static String comparable(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }

    private record Rule(List<String> colloquialPhrases, List<String> officialTerms) {

        boolean isTriggeredBy(String comparableQuery) {
            return colloquialPhrases.stream().anyMatch(comparableQuery::contains);
        }
    }
}
