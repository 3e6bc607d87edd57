package org.onewindow.catalog.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * How Chinese text sounds, pair of characters by pair of characters. People type Chinese by its
 * sound, so the commonest typo is a character that sounds the same (社宝卡 for 社保卡): its
 * character pairs differ from the name's, its sound pairs do not.
 */
final class Pinyin {

    static final String TABLE_ON_CLASSPATH = "catalog/pinyin.txt";
    /** Between the two syllables of a pair, so that "xi'an" (西安) is not "xian" (先). */
    private static final char BETWEEN_SYLLABLES = '\'';

    private Pinyin() {
    }

    /** The sounds of every two neighbouring Chinese characters, in order; a lone character's sound on its own. */
    static List<String> soundPairs(String text) {
        List<String> pairs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        text.codePoints().forEach(c -> {
            String syllable = Table.SYLLABLES.get(c);
            if (syllable != null) {
                run.add(syllable);
            } else {
                endOfRun(run, pairs);
            }
        });
        endOfRun(run, pairs);
        return pairs;
    }

    static boolean isPair(String sound) {
        return sound.indexOf(BETWEEN_SYLLABLES) > 0;
    }

    private static void endOfRun(List<String> run, List<String> pairs) {
        if (run.size() == 1) {
            pairs.add(run.getFirst());
        }
        for (int i = 0; i + 1 < run.size(); i++) {
            pairs.add(run.get(i) + BETWEEN_SYLLABLES + run.get(i + 1));
        }
        run.clear();
    }

    /** Read once, on first use: about 21,000 characters. */
    private static final class Table {

        static final Map<Integer, String> SYLLABLES = read();

        private static Map<Integer, String> read() {
            Map<Integer, String> syllables = new HashMap<>(32_768);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    new ClassPathResource(TABLE_ON_CLASSPATH).getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
                    int space = line.indexOf(' ');
                    String syllable = line.substring(0, space);
                    line.substring(space + 1).strip().codePoints().forEach(c -> syllables.putIfAbsent(c, syllable));
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + TABLE_ON_CLASSPATH, e);
            }
            return Map.copyOf(syllables);
        }
    }
}
