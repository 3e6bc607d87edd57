package org.onewindow.catalog.search;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.catalog.LifeEventBundle;
import org.onewindow.catalog.search.TextAnalysis.Token;

/**
 * Which life events a person's words name. A life event is offered when its name is in the words
 * ("出生一件事", "open a restaurant"), sounds in them as typed ("出声一件事"), or is one of the
 * official terms their colloquial phrase stands for (开饭店 stands for 开餐馆一件事 in the
 * synonym rules). Life events are few and their names short, so they are matched in memory.
 */
final class LifeEventNames {

    /** What every Chinese life event's name ends with; it says "a life event", not which. */
    private static final String LIFE_EVENT = "一件事";
    private static final int OFFERED_AT_MOST = 2;

    private final TextAnalysis analysis;

    LifeEventNames(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * @param words         what the person typed
     * @param officialTerms what colloquial phrases in the words stand for
     * @return the life events named, in the order given
     */
    List<LifeEventBundle> named(String words, List<String> officialTerms, Collection<LifeEventBundle> lifeEvents) {
        Set<String> sounds = new HashSet<>(Pinyin.soundPairs(words));
        Set<String> englishWords = new HashSet<>(englishWords(words));
        for (String term : officialTerms) {
            sounds.addAll(Pinyin.soundPairs(TextAnalysis.normalized(term)));
            englishWords.addAll(englishWords(term));
        }
        return lifeEvents.stream()
                .filter(event -> isNamed(chineseName(event), sounds) || isNamed(englishWords(event.name().en()), englishWords))
                .limit(OFFERED_AT_MOST).toList();
    }

    private static List<String> chineseName(LifeEventBundle event) {
        String name = event.name().zh() == null ? "" : TextAnalysis.normalized(event.name().zh());
        return Pinyin.soundPairs(name.endsWith(LIFE_EVENT) ? name.substring(0, name.length() - LIFE_EVENT.length()) : name);
    }

    private static boolean isNamed(List<String> name, Set<String> said) {
        return !name.isEmpty() && said.containsAll(name);
    }

    private List<String> englishWords(String text) {
        return text == null ? List.of()
                : analysis.englishWords(TextAnalysis.normalized(text)).stream().filter(Token::isLettersOrDigits).map(Token::term).toList();
    }
}
