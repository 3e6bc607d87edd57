package org.onewindow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Messages with placeholders go through MessageFormat, where a lone apostrophe starts a quoted
 * run: "The file's content is {0}" would be shown with a literal {0}. Every such message must
 * fill in all of its placeholders.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void everyPlaceholderOfEveryMessageIsFilledIn() throws IOException {
        List<String> broken = new ArrayList<>();
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        assertThat(bundles).hasSizeGreaterThan(10);
        for (Resource bundle : bundles) {
            Properties messages = new Properties();
            try (var in = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                var placeholders = PLACEHOLDER.matcher(text).results().map(m -> Integer.parseInt(m.group(1))).toList();
                if (placeholders.isEmpty()) {
                    continue;
                }
                Object[] arguments = new Object[placeholders.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
                java.util.Arrays.fill(arguments, 7);
                String shown = new MessageFormat(text, Locale.ROOT).format(arguments);
                if (PLACEHOLDER.matcher(shown).find()) {
                    broken.add(bundle.getFilename() + ": " + key);
                }
            }
        }
        assertThat(broken).isEmpty();
    }
}
