package org.onewindow.catalog.search;

import static org.onewindow.catalog.search.ItemDocument.CODE_AS_TYPED;
import static org.onewindow.catalog.search.ItemDocument.DESCRIPTION_EN;
import static org.onewindow.catalog.search.ItemDocument.DESCRIPTION_ZH;
import static org.onewindow.catalog.search.ItemDocument.FAQ_EN;
import static org.onewindow.catalog.search.ItemDocument.FAQ_ZH;
import static org.onewindow.catalog.search.ItemDocument.KEYWORDS_EN;
import static org.onewindow.catalog.search.ItemDocument.KEYWORDS_ZH;
import static org.onewindow.catalog.search.ItemDocument.MATERIALS_EN;
import static org.onewindow.catalog.search.ItemDocument.MATERIALS_ZH;
import static org.onewindow.catalog.search.ItemDocument.NAME_AND_KEYWORDS_ZH_PAIRS;
import static org.onewindow.catalog.search.ItemDocument.NAME_EN;
import static org.onewindow.catalog.search.ItemDocument.NAME_ZH;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.onewindow.catalog.search.TextAnalysis.Token;

/**
 * Turns a person's own words into a Lucene query. The words are only ever cut into terms, never
 * read as query syntax, so "食品 AND (" is three words and not a broken query.
 *
 * <p>An item matches if any part of the words matches it: its code, its Chinese or English
 * words, or enough of its Chinese character pairs. Ranking, not matching, decides what comes
 * first: the code above all, then the item name, then keywords, then description, materials and
 * questions people asked.
 */
final class PlainWordsQuery {

    /** Whatever the words also match, the item whose code they are comes first. */
    private static final float CODE_WEIGHT = 10_000f;
    /** Official terms a colloquial phrase stands for count a little less than the person's words. */
    private static final float OFFICIAL_TERM_WEIGHT = 0.8f;
    private static final float CHARACTER_PAIRS_WEIGHT = 1.5f;
    /** A typo-corrected word is a guess, so it counts half of the word spelt right. */
    private static final float TYPO_WEIGHT = 0.5f;
    /** A word found in the name counts mostly for the name, a little for being found elsewhere too. */
    private static final float OTHER_FIELDS_TIE_BREAKER = 0.1f;

    private static final List<WeightedField> CHINESE_WORD_FIELDS = List.of(
            new WeightedField(NAME_ZH, 5f), new WeightedField(KEYWORDS_ZH, 3f),
            new WeightedField(DESCRIPTION_ZH, 1.5f), new WeightedField(MATERIALS_ZH, 1.2f),
            new WeightedField(FAQ_ZH, 1f));
    private static final List<WeightedField> ENGLISH_WORD_FIELDS = List.of(
            new WeightedField(NAME_EN, 5f), new WeightedField(KEYWORDS_EN, 3f),
            new WeightedField(DESCRIPTION_EN, 1.5f), new WeightedField(MATERIALS_EN, 1.2f),
            new WeightedField(FAQ_EN, 1f));
    // Typos are corrected against names and keywords only: in long descriptions nearly every
    // word has some neighbour one letter away, and matching those would be noise.
    private static final List<WeightedField> TYPO_FIELDS = List.of(
            new WeightedField(NAME_EN, 5f), new WeightedField(KEYWORDS_EN, 3f));

    /** More distinct words than this in one text add little but cost clauses. */
    private static final int MAX_WORDS = 16;
    private static final int MAX_CHARACTER_PAIRS = 32;
    private static final int MAX_TYPO_CORRECTIONS_PER_WORD = 5;
    private static final int SHORTEST_WORD_WITH_TYPOS = 4;
    private static final int SHORTEST_WORD_WITH_TWO_TYPOS = 8;
    /** Corrections keep the first letter: people rarely mistype it, and it keeps the lookup fast. */
    private static final int LETTERS_KEPT_WHEN_CORRECTING = 1;

    private final TextAnalysis analysis;

    PlainWordsQuery(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * @param words         what the person typed, not blank
     * @param officialTerms what colloquial phrases in the words stand for
     */
    Query matching(String words, List<String> officialTerms) {
        ClauseBudget budget = ClauseBudget.withinLuceneLimit();
        BooleanQuery.Builder anyPart = new BooleanQuery.Builder();

        budget.spend(1);
        anyPart.add(new BoostQuery(new ConstantScoreQuery(
                new TermQuery(new Term(CODE_AS_TYPED, ItemDocument.codeAsTyped(words)))), CODE_WEIGHT), Occur.SHOULD);

        // The person's own words are served first, so the budget never runs out on them.
        addText(anyPart, words, 1f, true, budget);
        for (String officialTerm : officialTerms) {
            addText(anyPart, TextAnalysis.normalized(officialTerm), OFFICIAL_TERM_WEIGHT, false, budget);
        }
        return anyPart.build();
    }

    private void addText(BooleanQuery.Builder anyPart, String text, float weight, boolean typosExpected,
                         ClauseBudget budget) {
        List<Query> parts = new ArrayList<>();
        for (String word : distinct(analysis.chineseWords(text), Token::hasLetterOrDigit, MAX_WORDS)) {
            if (!budget.spend(CHINESE_WORD_FIELDS.size())) {
                break;
            }
            parts.add(inAnyField(word, CHINESE_WORD_FIELDS, List.of()));
        }
        characterPairs(text, budget).ifPresent(parts::add);
        for (String word : distinct(analysis.englishWords(text), Token::isLettersOrDigits, MAX_WORDS)) {
            boolean correctTypos = typosExpected && allowedTypos(word) > 0
                    && budget.spend(ENGLISH_WORD_FIELDS.size() + TYPO_FIELDS.size() * MAX_TYPO_CORRECTIONS_PER_WORD);
            if (!correctTypos && !budget.spend(ENGLISH_WORD_FIELDS.size())) {
                break;
            }
            parts.add(inAnyField(word, ENGLISH_WORD_FIELDS, correctTypos ? TYPO_FIELDS : List.of()));
        }
        if (parts.isEmpty()) {
            return;
        }
        BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
        parts.forEach(part -> anyWord.add(part, Occur.SHOULD));
        anyPart.add(new BoostQuery(anyWord.build(), weight), Occur.SHOULD);
    }

    private static Query inAnyField(String word, List<WeightedField> fields, List<WeightedField> typoFields) {
        List<Query> inFields = new ArrayList<>();
        for (WeightedField field : fields) {
            inFields.add(new BoostQuery(new TermQuery(new Term(field.name(), word)), field.weight()));
        }
        for (WeightedField field : typoFields) {
            Query corrected = new FuzzyQuery(new Term(field.name(), word), allowedTypos(word),
                    LETTERS_KEPT_WHEN_CORRECTING, MAX_TYPO_CORRECTIONS_PER_WORD, true);
            inFields.add(new BoostQuery(corrected, field.weight() * TYPO_WEIGHT));
        }
        return new DisjunctionMaxQuery(inFields, OTHER_FIELDS_TIE_BREAKER);
    }

    /**
     * Half of the character pairs must be found: enough to forgive a wrong character, which
     * spoils at most two pairs, while a text that merely shares one common character with the
     * words does not match. A single character has no pairs, so it is looked up alone.
     */
    private Optional<Query> characterPairs(String text, ClauseBudget budget) {
        List<Token> tokens = analysis.chineseCharacterPairs(text);
        List<String> pairs = distinct(tokens, Token::isChineseCharacterPair, MAX_CHARACTER_PAIRS);
        List<String> lookedUp = pairs.isEmpty()
                ? distinct(tokens, Token::isSingleChineseCharacter, MAX_CHARACTER_PAIRS)
                : pairs;
        List<String> affordable = lookedUp.subList(0, Math.min(lookedUp.size(), budget.left()));
        if (affordable.isEmpty()) {
            return Optional.empty();
        }
        budget.spend(affordable.size());
        BooleanQuery.Builder enoughPairs = new BooleanQuery.Builder();
        affordable.forEach(pair -> enoughPairs.add(new TermQuery(new Term(NAME_AND_KEYWORDS_ZH_PAIRS, pair)), Occur.SHOULD));
        enoughPairs.setMinimumNumberShouldMatch(Math.max(1, affordable.size() / 2));
        return Optional.of(new BoostQuery(enoughPairs.build(), CHARACTER_PAIRS_WEIGHT));
    }

    private static int allowedTypos(String word) {
        boolean lettersOnly = word.chars().allMatch(Character::isLetter);
        int length = word.codePointCount(0, word.length());
        if (!lettersOnly || length < SHORTEST_WORD_WITH_TYPOS) {
            return 0;
        }
        return length < SHORTEST_WORD_WITH_TWO_TYPOS ? 1 : 2;
    }

    private static List<String> distinct(List<Token> tokens, Predicate<Token> wanted, int atMost) {
        return tokens.stream().filter(wanted).map(Token::term).distinct().limit(atMost).toList();
    }

    private record WeightedField(String name, float weight) {
    }

    /**
     * Lucene refuses a query of more leaf clauses than {@link IndexSearcher#getMaxClauseCount()},
     * and a typo-tolerant word expands into several. Staying within half of that limit leaves
     * room for the filters and for whatever else in the application raised or lowered it.
     */
    private static final class ClauseBudget {

        private int left;

        private ClauseBudget(int clauses) {
            this.left = clauses;
        }

        static ClauseBudget withinLuceneLimit() {
            return new ClauseBudget(IndexSearcher.getMaxClauseCount() / 2);
        }

        boolean spend(int clauses) {
            if (clauses > left) {
                return false;
            }
            left -= clauses;
            return true;
        }

        int left() {
            return left;
        }
    }
}
