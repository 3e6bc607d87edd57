package org.onewindow.identity;

import org.onewindow.shared.InvalidIdentifierException;

/**
 * The unified social credit code (统一社会信用代码) of an organisation, as defined by GB 32100-2015:
 * a registration authority, an organisation type, a 6-digit region code, the 9-character
 * organisation code and a check character, all drawn from 31 characters that leave out the easily
 * confused I, O, Z, S and V.
 *
 * <p>Organisations are not persons, so unlike personal identifiers this one prints in full.
 */
public record UnifiedSocialCreditCode(String value) {

    private static final int LENGTH = 18;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    // 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管(工商),
    // A 中央军委改革和编制办公室, N 农业农村, Y 其他.
    private static final String REGISTRATION_AUTHORITIES = "123456789ANY";

    // Every authority numbers its organisation types 1-9 (e.g. 市场监管: 1 企业, 2 个体工商户,
    // 3 农民专业合作社). Which types an authority uses is left unchecked: those lists are amended
    // more often than the standard, and the check character already catches typing mistakes.
    private static final String ORGANISATION_TYPES = "123456789";

    public UnifiedSocialCreditCode {
        value = checked(value);
    }

    /**
     * Reads a credit code as typed: surrounding whitespace is ignored and lower-case letters are
     * accepted.
     *
     * @throws InvalidIdentifierException naming the first rule broken, checked in this order:
     *     {@code credit-code.required}, {@code .length}, {@code .charset}, {@code .region},
     *     {@code .check-char}
     */
    public static UnifiedSocialCreditCode parse(String text) {
        return new UnifiedSocialCreditCode(text);
    }

    /** The check character that completes the first 17 characters of a credit code. */
    public static char checkCharFor(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("Expected the first 17 characters of a credit code");
        }
        String upper = upperCased(first17);
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int charValue = ALPHABET.indexOf(upper.charAt(i));
            if (charValue < 0) {
                throw new IllegalArgumentException("Character " + (i + 1) + " is not used in credit codes");
            }
            sum += charValue * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String checked(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException("credit-code.required");
        }
        String code = text.strip();
        if (code.length() != LENGTH) {
            throw new InvalidIdentifierException("credit-code.length");
        }
        code = upperCased(code);
        if (!code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                || REGISTRATION_AUTHORITIES.indexOf(code.charAt(0)) < 0
                || ORGANISATION_TYPES.indexOf(code.charAt(1)) < 0) {
            throw new InvalidIdentifierException("credit-code.charset");
        }
        if (!code.substring(2, 8).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidIdentifierException("credit-code.region");
        }
        if (code.charAt(LENGTH - 1) != checkCharFor(code.substring(0, LENGTH - 1))) {
            throw new InvalidIdentifierException("credit-code.check-char");
        }
        return code;
    }

    // Only ASCII letters: String.toUpperCase would turn 'ß' into "SS" and change the length.
    private static String upperCased(String text) {
        StringBuilder upper = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return upper.toString();
    }
}
