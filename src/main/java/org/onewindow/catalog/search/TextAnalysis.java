package org.onewindow.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The ways the index reads text: as Chinese words, as overlapping pairs of Chinese
 * characters, as the sounds of those pairs ({@link Pinyin}, already terms when they reach the
 * index), and as English words. Item texts and a person's words go through the same
 * analyzers, so that they meet in the same terms.
 */
final class TextAnalysis implements AutoCloseable {

    /** A term a text was cut into, with the kind of token it came from. */
    record Token(String term, String type) {

        boolean isChineseCharacterPair() {
            return CJKBigramFilter.DOUBLE_TYPE.equals(type);
        }

        boolean isSingleChineseCharacter() {
            return CJKBigramFilter.SINGLE_TYPE.equals(type);
        }

        boolean isLettersOrDigits() {
            return StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM].equals(type)
                    || StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM].equals(type);
        }

        boolean hasChineseCharacter() {
            return term.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        }
    }

    private final Analyzer chineseWords = new SmartChineseAnalyzer();
    private final Analyzer chineseCharacterPairs = new ChineseCharacterPairs();
    private final Analyzer englishWords = new EnglishAnalyzer();
    private final Analyzer soundPairs = new WhitespaceAnalyzer();
    private final Analyzer forIndexing = new PerFieldAnalyzerWrapper(englishWords, Map.of(
            ItemDocument.NAME_ZH, chineseWords,
            ItemDocument.KEYWORDS_ZH, chineseWords,
            ItemDocument.DESCRIPTION_ZH, chineseWords,
            ItemDocument.MATERIALS_ZH, chineseWords,
            ItemDocument.FAQ_ZH, chineseWords,
            ItemDocument.NAME_AND_KEYWORDS_ZH_PAIRS, chineseCharacterPairs,
            ItemDocument.NAME_AND_KEYWORDS_ZH_SOUNDS, soundPairs));

    /** Every text field of an item document gets the analyzer of its language. */
    Analyzer forIndexing() {
        return forIndexing;
    }

    List<Token> chineseWords(String text) {
        return tokens(chineseWords, ItemDocument.NAME_ZH, text);
    }

    List<Token> chineseCharacterPairs(String text) {
        return tokens(chineseCharacterPairs, ItemDocument.NAME_AND_KEYWORDS_ZH_PAIRS, text);
    }

    List<Token> englishWords(String text) {
        return tokens(englishWords, ItemDocument.NAME_EN, text);
    }

    /**
     * Runs a little text through every analyzer, so that what they load on first use (smartcn's
     * word and bigram dictionaries, about half a second on a cold JVM) is loaded now. Analyzers are safe to
     * use from several threads; one that is used while this runs waits for the dictionaries.
     */
    void warmUp() {
        chineseWords("申请食品经营许可证");
        Pinyin.soundPairs("食品经营许可");
        chineseCharacterPairs("食品经营许可");
        englishWords("food business licences");
    }

    /**
     * Chinese input methods type full-width letters and digits ("ｌｉｃｅｎｃｅ", "２０２４");
     * folding them on both sides lets them match their ordinary forms.
     */
    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), type.type()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse text held in memory", e);
        }
        return tokens;
    }

    @Override
    public void close() {
        forIndexing.close();
        chineseWords.close();
        chineseCharacterPairs.close();
        englishWords.close();
        soundPairs.close();
    }

    /**
     * Every single Chinese character and every pair of neighbouring ones. A person who writes a
     * name partly, or with one wrong character, still shares most pairs with it, where a word
     * segmenter would cut the misspelt text into different words altogether.
     */
    private static final class ChineseCharacterPairs extends Analyzer {

        private static final boolean WITH_SINGLE_CHARACTERS = true;

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream pairs = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source)),
                    CJKBigramFilter.HAN, WITH_SINGLE_CHARACTERS);
            return new TokenStreamComponents(source, pairs);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
        }
    }
}
