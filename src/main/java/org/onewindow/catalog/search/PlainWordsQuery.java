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
import static org.onewindow.catalog.search.ItemDocument.NAME_AND_KEYWORDS_EN;
import static org.onewindow.catalog.search.ItemDocument.NAME_AND_KEYWORDS_ZH_PAIRS;
import static org.onewindow.catalog.search.ItemDocument.NAME_AND_KEYWORDS_ZH_SOUNDS;
import static org.onewindow.catalog.search.ItemDocument.NAME_EN;
import static org.onewindow.catalog.search.ItemDocument.NAME_ZH;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.onewindow.catalog.search.TextAnalysis.Token;
import org.springframework.util.function.SingletonSupplier;

/**
 * Turns a person's own words into a Lucene query. The words are only ever cut into terms, never
 * read as query syntax, so "食品 AND (" is three words and not a broken query.
 *
 * <p>An item matches if any part of the query matches it: its code; any of the person's words,
 * in Chinese or English, spelt right or nearly; half of the pairs of Chinese characters they
 * typed, or of the pairs' sounds (for a character typed in place of one that sounds the same);
 * or all of an official term that a colloquial phrase of theirs stands for. Ranking, not
 * matching, decides what comes first: the code above all, then the item name, then keywords, then
 * description, materials and the questions people asked; matches far below the best are left
 * out ({@link StrongMatches}).
 */
final class PlainWordsQuery {

    /** Whatever the words also match, the item whose code they are comes first. */
    private static final float CODE_WEIGHT = 10_000f;
    /** Official terms a colloquial phrase stands for count a little less than the person's words. */
    private static final float OFFICIAL_TERM_WEIGHT = 0.8f;
    private static final float CHARACTER_PAIRS_WEIGHT = 1.5f;
    /** A pair that only sounds like the name's is a guess like a typo: it counts less than the same characters. */
    private static final float SOUND_PAIRS_WEIGHT = 1f;
    /** A typo-corrected word is a guess, so it counts for less than a word spelt right. */
    private static final float TYPO_WEIGHT = 2f;
    /** A word found in the name counts mostly for the name, a little for being found elsewhere too. */
    private static final float OTHER_FIELDS_TIE_BREAKER = 0.1f;

    private static final List<WeightedField> CHINESE_FIELDS = List.of(
            new WeightedField(NAME_ZH, 5f), new WeightedField(KEYWORDS_ZH, 3f),
            new WeightedField(DESCRIPTION_ZH, 1.5f), new WeightedField(MATERIALS_ZH, 1.2f),
            new WeightedField(FAQ_ZH, 1f));
    private static final List<WeightedField> ENGLISH_FIELDS = List.of(
            new WeightedField(NAME_EN, 5f), new WeightedField(KEYWORDS_EN, 3f),
            new WeightedField(DESCRIPTION_EN, 1.5f), new WeightedField(MATERIALS_EN, 1.2f),
            new WeightedField(FAQ_EN, 1f));
    // An official term names what an item is or does; in another item's list of materials or
    // its questions it would only name a document that item asks for.
    private static final List<WeightedField> CHINESE_FIELDS_NAMING_THE_ITEM = CHINESE_FIELDS.subList(0, 3);
    private static final List<WeightedField> ENGLISH_FIELDS_NAMING_THE_ITEM = ENGLISH_FIELDS.subList(0, 3);

    /**
     * Words people wrap around what they look for ("我想…需要办什么", "how do I…"). Every item's
     * questions are full of them, so they would match nearly the whole catalog while telling
     * nothing about what the person wants.
     */
    private static final List<String> FILLER_WORDS = List.of(
            "我", "我们", "你", "您", "想", "要", "需要", "怎么", "怎样", "如何", "什么", "哪里", "哪儿", "哪个",
            "去", "办", "办理", "能", "可以", "吗", "呢", "吧", "啊", "了", "的", "请问", "一下", "应该", "一件事",
            "how", "do", "does", "i", "me", "my", "we", "our", "you", "your", "can", "what", "where", "when",
            "which", "who", "want", "need", "should", "would", "could", "please");

    /** More distinct words than this in one text add little but cost clauses. */
    private static final int MAX_WORDS = 16;
    private static final int MAX_CHARACTER_PAIRS = 32;
    private static final int MAX_TYPO_CORRECTIONS_PER_WORD = 5;
    private static final int SHORTEST_WORD_WITH_TYPOS = 4;
    private static final int SHORTEST_WORD_WITH_TWO_TYPOS = 8;
    /** Corrections keep the first letter: people rarely mistype it, and it keeps the lookup fast. */
    private static final int LETTERS_KEPT_WHEN_CORRECTING = 1;

    private final TextAnalysis analysis;
    /**
     * Worked out on first use, not in the constructor: analysing the first word loads smartcn's
     * dictionaries (about half a second on a cold JVM), which the index does in the background
     * at start-up ({@link CatalogSearchIndex}).
     */
    private final SingletonSupplier<Set<String>> fillerTerms;

    PlainWordsQuery(TextAnalysis analysis) {
        this.analysis = analysis;
        this.fillerTerms = SingletonSupplier.of(() -> fillerTerms(analysis));
    }

    /** The filler words as the analyzers spell them ("does" becomes "doe"), to compare with analysed words. */
    private static Set<String> fillerTerms(TextAnalysis analysis) {
        Set<String> terms = new HashSet<>();
        for (String filler : FILLER_WORDS) {
            analysis.chineseWords(filler).forEach(token -> terms.add(token.term()));
            analysis.englishWords(filler).forEach(token -> terms.add(token.term()));
        }
        return Set.copyOf(terms);
    }

    /** Loads what the analyzers need and works out the filler terms now, so that the first search does not. */
    void warmUp() {
        fillerTerms.obtain();
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
        anyPersonsWord(words, budget).ifPresent(query -> anyPart.add(query, Occur.SHOULD));
        for (String officialTerm : officialTerms) {
            wholeOfficialTerm(TextAnalysis.normalized(officialTerm), budget)
                    .ifPresent(query -> anyPart.add(new BoostQuery(query, OFFICIAL_TERM_WEIGHT), Occur.SHOULD));
        }
        return anyPart.build();
    }

    private Optional<Query> anyPersonsWord(String words, ClauseBudget budget) {
        BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
        int parts = 0;
        for (String word : chineseWords(words)) {
            if (!budget.spend(CHINESE_FIELDS.size())) {
                break;
            }
            anyWord.add(inBestField(word, CHINESE_FIELDS), Occur.SHOULD);
            parts++;
        }
        List<String> pairs = characterPairs(words);
        if (!pairs.isEmpty() && budget.spend(pairs.size())) {
            anyWord.add(enough(pairs, NAME_AND_KEYWORDS_ZH_PAIRS, CHARACTER_PAIRS_WEIGHT), Occur.SHOULD);
            parts++;
        }
        // only pairs: a lone character sounds like too many others to be worth a guess
        List<String> sounds = Pinyin.soundPairs(words).stream().filter(Pinyin::isPair).distinct().limit(MAX_CHARACTER_PAIRS).toList();
        if (!sounds.isEmpty() && budget.spend(sounds.size())) {
            anyWord.add(enough(sounds, NAME_AND_KEYWORDS_ZH_SOUNDS, SOUND_PAIRS_WEIGHT), Occur.SHOULD);
            parts++;
        }
        for (String word : englishWords(words)) {
            boolean correctTypos = allowedTypos(word) > 0
                    && budget.spend(ENGLISH_FIELDS.size() + MAX_TYPO_CORRECTIONS_PER_WORD);
            if (!correctTypos && !budget.spend(ENGLISH_FIELDS.size())) {
                break;
            }
            anyWord.add(correctTypos ? inBestFieldEvenMisspelt(word) : inBestField(word, ENGLISH_FIELDS), Occur.SHOULD);
            parts++;
        }
        return parts == 0 ? Optional.empty() : Optional.of(anyWord.build());
    }

    /**
     * An official term is the catalog's own wording, so an item matches it only with all of its
     * words in one field: "餐饮服务" must not find every item that mentions 服务.
     */
    private Optional<Query> wholeOfficialTerm(String term, ClauseBudget budget) {
        List<String> chinese = chineseWords(term);
        List<String> pairs = characterPairs(term);
        List<String> english = englishWords(term);
        int clauses = chinese.size() * CHINESE_FIELDS_NAMING_THE_ITEM.size() + pairs.size()
                + english.size() * ENGLISH_FIELDS_NAMING_THE_ITEM.size();
        if (clauses == 0 || !budget.spend(clauses)) {
            return Optional.empty();
        }
        List<Query> wherever = new ArrayList<>();
        if (!chinese.isEmpty()) {
            CHINESE_FIELDS_NAMING_THE_ITEM.forEach(field -> wherever.add(allIn(chinese, field)));
        }
        if (!pairs.isEmpty()) {
            wherever.add(allIn(pairs, new WeightedField(NAME_AND_KEYWORDS_ZH_PAIRS, CHARACTER_PAIRS_WEIGHT)));
        }
        if (!english.isEmpty()) {
            ENGLISH_FIELDS_NAMING_THE_ITEM.forEach(field -> wherever.add(allIn(english, field)));
        }
        return Optional.of(new DisjunctionMaxQuery(wherever, OTHER_FIELDS_TIE_BREAKER));
    }

    private static Query inBestField(String word, List<WeightedField> fields) {
        List<Query> inFields = new ArrayList<>(fields.size() + 1);
        for (WeightedField field : fields) {
            inFields.add(new BoostQuery(new TermQuery(new Term(field.name(), word)), field.weight()));
        }
        return new DisjunctionMaxQuery(inFields, OTHER_FIELDS_TIE_BREAKER);
    }

    /**
     * Typos are corrected against names and keywords only, both in one field so that each word's
     * correcting automaton is built once: in long descriptions nearly every word has some
     * neighbour one letter away, and matching those would be noise.
     */
    private static Query inBestFieldEvenMisspelt(String word) {
        List<Query> inFields = new ArrayList<>(ENGLISH_FIELDS.size() + 1);
        for (WeightedField field : ENGLISH_FIELDS) {
            inFields.add(new BoostQuery(new TermQuery(new Term(field.name(), word)), field.weight()));
        }
        Query corrected = new FuzzyQuery(new Term(NAME_AND_KEYWORDS_EN, word), allowedTypos(word),
                LETTERS_KEPT_WHEN_CORRECTING, MAX_TYPO_CORRECTIONS_PER_WORD, true);
        inFields.add(new BoostQuery(corrected, TYPO_WEIGHT));
        return new DisjunctionMaxQuery(inFields, OTHER_FIELDS_TIE_BREAKER);
    }

    /**
     * Half of the pairs (of characters, or of their sounds) must be found: enough to forgive a
     * wrong character, which spoils at most two pairs, while a text that merely shares one
     * common character with the words does not match.
     */
    private static Query enough(List<String> pairs, String field, float weight) {
        BooleanQuery.Builder enough = new BooleanQuery.Builder();
        pairs.forEach(pair -> enough.add(new TermQuery(new Term(field, pair)), Occur.SHOULD));
        enough.setMinimumNumberShouldMatch(Math.max(1, pairs.size() / 2));
        return new BoostQuery(enough.build(), weight);
    }

    private static Query allIn(List<String> terms, WeightedField field) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        terms.forEach(term -> all.add(new TermQuery(new Term(field.name(), term)), Occur.MUST));
        return new BoostQuery(all.build(), field.weight());
    }

    // English words are looked up in the English fields only, and Chinese ones in the Chinese
    // fields: item texts hardly mix the two, and every lookup costs clauses and time.
    private List<String> chineseWords(String text) {
        return meaningful(analysis.chineseWords(text), Token::hasChineseCharacter, MAX_WORDS);
    }

    private List<String> englishWords(String text) {
        return meaningful(analysis.englishWords(text), Token::isLettersOrDigits, MAX_WORDS);
    }

    /** A single character has no pairs, so it is looked up alone. */
    private List<String> characterPairs(String text) {
        List<Token> tokens = analysis.chineseCharacterPairs(text);
        List<String> pairs = distinct(tokens, Token::isChineseCharacterPair, MAX_CHARACTER_PAIRS);
        return pairs.isEmpty() ? distinct(tokens, Token::isSingleChineseCharacter, MAX_CHARACTER_PAIRS) : pairs;
    }

    /** The words without filler, unless filler is all there is: then it is what the person means. */
    private List<String> meaningful(List<Token> tokens, Predicate<Token> wanted, int atMost) {
        List<String> words = distinct(tokens, wanted.and(token -> !fillerTerms.obtain().contains(token.term())), atMost);
        return words.isEmpty() ? distinct(tokens, wanted, atMost) : words;
    }

    private static List<String> distinct(List<Token> tokens, Predicate<Token> wanted, int atMost) {
        return tokens.stream().filter(wanted).map(Token::term).distinct().limit(atMost).toList();
    }

    private static int allowedTypos(String word) {
        boolean lettersOnly = word.chars().allMatch(Character::isLetter);
        int length = word.codePointCount(0, word.length());
        if (!lettersOnly || length < SHORTEST_WORD_WITH_TYPOS) {
            return 0;
        }
        return length < SHORTEST_WORD_WITH_TWO_TYPOS ? 1 : 2;
    }

    private record WeightedField(String name, float weight) {
    }
}
