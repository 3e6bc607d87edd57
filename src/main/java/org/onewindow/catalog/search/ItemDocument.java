package org.onewindow.catalog.search;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.onewindow.catalog.Channel;
import org.onewindow.catalog.Faq;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.catalog.Material;
import org.onewindow.catalog.ServiceItem;

/** How a service item is laid out in the search index: one document per item code. */
final class ItemDocument {

    /** The code as published: the key that put and remove replace by, and the order of browsing. */
    static final String CODE = "code";
    /** The code as a person may type it, in any letter case. */
    static final String CODE_AS_TYPED = "code_as_typed";
    static final String CODE_ORDER = "code_order";

    static final String LEVEL = "level";
    static final String DEPARTMENT = "department";
    static final String AUDIENCE = "audience";
    static final String CHANNEL = "channel";

    static final String NAME_ZH = "name_zh";
    static final String KEYWORDS_ZH = "keywords_zh";
    static final String DESCRIPTION_ZH = "description_zh";
    static final String MATERIALS_ZH = "materials_zh";
    static final String FAQ_ZH = "faq_zh";
    static final String NAME_AND_KEYWORDS_ZH_PAIRS = "name_keywords_zh_pairs";
    /** How the name and keywords sound, pair of characters by pair ({@link Pinyin}): already terms, split at spaces only. */
    static final String NAME_AND_KEYWORDS_ZH_SOUNDS = "name_keywords_zh_sounds";

    static final String NAME_EN = "name_en";
    static final String KEYWORDS_EN = "keywords_en";
    static final String DESCRIPTION_EN = "description_en";
    static final String MATERIALS_EN = "materials_en";
    static final String FAQ_EN = "faq_en";
    static final String NAME_AND_KEYWORDS_EN = "name_keywords_en";

    private ItemDocument() {
    }

    static Document of(ServiceItem item) {
        Objects.requireNonNull(item, "service item");
        String code = Objects.requireNonNull(item.code(), "service item code");
        ItemStandard standard = Objects.requireNonNull(item.standard(), () -> "standard of item " + code);

        Document document = new Document();
        document.add(new StringField(CODE, code, Field.Store.NO));
        document.add(new StringField(CODE_AS_TYPED, codeAsTyped(code), Field.Store.NO));
        document.add(new SortedDocValuesField(CODE_ORDER, new BytesRef(code)));

        if (standard.level() != null) {
            document.add(new StringField(LEVEL, standard.level().name(), Field.Store.NO));
        }
        if (standard.department() != null) {
            document.add(new StringField(DEPARTMENT, standard.department(), Field.Store.NO));
        }
        if (standard.audience() != null) {
            document.add(new StringField(AUDIENCE, standard.audience().name(), Field.Store.NO));
        }
        for (Channel channel : standard.channels()) {
            document.add(new StringField(CHANNEL, channel.name(), Field.Store.NO));
        }

        LocalizedText name = orEmpty(standard.name());
        List<LocalizedText> materialNames = standard.materials().stream().map(Material::name).toList();
        List<LocalizedText> faqQuestions = standard.faq().stream().map(Faq::question).toList();

        addText(document, NAME_ZH, name.zh());
        addTexts(document, KEYWORDS_ZH, standard.keywordsZh());
        addText(document, DESCRIPTION_ZH, standard.description().zh());
        addTexts(document, MATERIALS_ZH, inChinese(materialNames));
        addTexts(document, FAQ_ZH, inChinese(faqQuestions));
        addText(document, NAME_AND_KEYWORDS_ZH_PAIRS, name.zh());
        addTexts(document, NAME_AND_KEYWORDS_ZH_PAIRS, standard.keywordsZh());
        addSounds(document, name.zh());
        standard.keywordsZh().forEach(keyword -> addSounds(document, keyword));

        addText(document, NAME_EN, name.en());
        addTexts(document, KEYWORDS_EN, standard.keywordsEn());
        addText(document, DESCRIPTION_EN, standard.description().en());
        addTexts(document, MATERIALS_EN, inEnglish(materialNames));
        addTexts(document, FAQ_EN, inEnglish(faqQuestions));
        addText(document, NAME_AND_KEYWORDS_EN, name.en());
        addTexts(document, NAME_AND_KEYWORDS_EN, standard.keywordsEn());
        return document;
    }

    /** How both the index and a person's query spell a code, so that "sc-001" finds SC-001. */
    static String codeAsTyped(String code) {
        return TextAnalysis.normalized(code).strip().toLowerCase(Locale.ROOT);
    }

    private static void addText(Document document, String field, String text) {
        if (text != null && !text.isBlank()) {
            document.add(new TextField(field, TextAnalysis.normalized(text), Field.Store.NO));
        }
    }

    private static void addSounds(Document document, String text) {
        if (text != null && !text.isBlank()) {
            document.add(new TextField(NAME_AND_KEYWORDS_ZH_SOUNDS, String.join(" ", Pinyin.soundPairs(TextAnalysis.normalized(text))),
                    Field.Store.NO));
        }
    }

    // Each value is its own field instance, so no Chinese character pair spans two keywords.
    private static void addTexts(Document document, String field, Collection<String> texts) {
        texts.forEach(text -> addText(document, field, text));
    }

    private static List<String> inChinese(List<LocalizedText> texts) {
        return inLanguage(texts, LocalizedText::zh);
    }

    private static List<String> inEnglish(List<LocalizedText> texts) {
        return inLanguage(texts, LocalizedText::en);
    }

    private static List<String> inLanguage(List<LocalizedText> texts, Function<LocalizedText, String> language) {
        return texts.stream().filter(Objects::nonNull).map(language).toList();
    }

    private static LocalizedText orEmpty(LocalizedText text) {
        return text == null ? LocalizedText.empty() : text;
    }
}
