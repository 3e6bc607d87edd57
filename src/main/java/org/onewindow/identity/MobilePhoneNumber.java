package org.onewindow.identity;

import java.util.regex.Pattern;
import org.onewindow.shared.InvalidIdentifierException;
import org.onewindow.shared.pii.PersonalDataMask;

/**
 * A mainland China mobile phone number, kept as its 11 digits ({@code 13812345678}).
 *
 * <p>{@link #toString()} shows only the {@linkplain #masked() masked} number, so that logging a
 * value never leaks it; {@link #value()} gives the full number for sending messages and storage.
 */
public record MobilePhoneNumber(String value) {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final String COUNTRY_CODE = "86";

    public MobilePhoneNumber {
        value = checked(value);
    }

    /**
     * Reads a number as people write it: {@code 138 1234 5678}, {@code 138-1234-5678},
     * {@code +86 13812345678} and {@code 8613812345678} all give {@code 13812345678}.
     *
     * @throws InvalidIdentifierException with rule {@code phone.required} or {@code phone.format}
     */
    public static MobilePhoneNumber parse(String text) {
        return new MobilePhoneNumber(text);
    }

    /** The number with its middle four digits hidden: {@code 138****5678}. */
    public String masked() {
        return PersonalDataMask.phone(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String checked(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException("phone.required");
        }
        String digits = withoutSeparators(text);
        // A mainland mobile number starts with 1, so a leading 86 can only be the country code.
        // Any other "+" prefix is a foreign number and stays to fail the format check.
        if (digits.startsWith("+" + COUNTRY_CODE)) {
            digits = digits.substring(1 + COUNTRY_CODE.length());
        } else if (digits.startsWith(COUNTRY_CODE)) {
            digits = digits.substring(COUNTRY_CODE.length());
        }
        if (!MAINLAND_MOBILE.matcher(digits).matches()) {
            throw new InvalidIdentifierException("phone.format");
        }
        return digits;
    }

    private static String withoutSeparators(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.chars()
                .filter(c -> c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(c -> kept.append((char) c));
        return kept.toString();
    }
}
