package org.onewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityMessagesTest {

    /** Every rule code the identifier types can report, plus each constraint's fallback. */
    private static final Set<String> KEYS = Stream.of(
                    "id-number.invalid", "id-number.required", "id-number.length", "id-number.format",
                    "id-number.region", "id-number.birth-date", "id-number.check-digit",
                    "credit-code.invalid", "credit-code.required", "credit-code.length", "credit-code.charset",
                    "credit-code.region", "credit-code.check-char",
                    "phone.invalid", "phone.required", "phone.format")
            .map(rule -> "identifier." + rule)
            .collect(Collectors.toUnmodifiableSet());

    /** One file as written, strictly UTF-8: ResourceBundle would silently fall back to Latin-1. */
    private static Properties file(String name) throws IOException {
        try (InputStream in = IdentityMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            return properties;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity.properties", "identity_zh_CN.properties", "identity_en.properties"})
    void explainEveryIdentifierRuleAndNoUnknownOne(String name) throws IOException {
        Properties messages = file(name);

        assertThat(messages.stringPropertyNames().stream().filter(key -> key.startsWith("identifier.")))
                .containsExactlyInAnyOrderElementsOf(KEYS);
        // Both Bean Validation and MessageFormat give {, $ and ' special meanings.
        messages.stringPropertyNames().stream().filter(key -> key.startsWith("identifier.")).map(messages::getProperty)
                .forEach(text -> assertThat(text).isNotBlank().doesNotContain("{", "}", "$", "'"));
    }

    @Test
    void speakSimplifiedChineseByDefault() throws IOException {
        assertThat(file("identity.properties").getProperty("identifier.id-number.check-digit"))
                .isEqualTo("身份证号码最后一位校验码不正确，请核对后重新输入");
        assertThat(file("identity_zh_CN.properties")).isEqualTo(file("identity.properties"));
    }

    @Test
    void speakEnglishOnlyInEnglish() throws IOException {
        Properties english = file("identity_en.properties");

        assertThat(english.getProperty("identifier.id-number.check-digit"))
                .isEqualTo("The last character of the ID number does not match the rest. Please check the number.");
        english.values().forEach(text -> assertThat((String) text).matches("\\p{ASCII}+"));
    }

    @Test
    void areFoundAsAResourceBundleForEachLocale() {
        String key = "identifier.phone.required";

        assertThat(ResourceBundle.getBundle("i18n/identity", Locale.SIMPLIFIED_CHINESE).getString(key))
                .isEqualTo("请输入手机号码");
        assertThat(ResourceBundle.getBundle("i18n/identity", Locale.ENGLISH).getString(key))
                .isEqualTo("Please enter your mobile phone number.");
    }
}
