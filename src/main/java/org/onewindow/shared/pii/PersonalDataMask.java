package org.onewindow.shared.pii;

/**
 * Masks personal data for display and for logs, e.g. {@code 3301**********1234}.
 *
 * <p>Every method is null-safe and never throws: masking runs inside {@code toString()}, log
 * statements and error handlers, where an exception would hide the real problem. Input that does
 * not have the expected shape is masked completely, because a half-masked malformed value (a
 * mistyped ID number, say) is still personal data.
 */
public final class PersonalDataMask {

    private static final char MASK = '*';

    private PersonalDataMask() {
    }

    /**
     * Keeps the first 4 and the last 4 characters of a resident ID number (18 or the older 15
     * characters), e.g. {@code 330106199001011234} → {@code 3301**********1234}.
     */
    public static String idNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        if (!looksLikeIdNumber(idNumber)) {
            return maskAll(idNumber);
        }
        return keepEnds(idNumber, 4, 4);
    }

    /** Keeps the first 3 and the last 4 digits of an 11-digit mobile number: {@code 138****5678}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() != 11 || !isAsciiDigits(phone)) {
            return maskAll(phone);
        }
        return keepEnds(phone, 3, 4);
    }

    /**
     * Keeps the first character of a name and hides each of the others: {@code 张三} → {@code 张*},
     * {@code 欧阳娜娜} → {@code 欧***}, {@code Li Lei} → {@code L*****}.
     *
     * <p>A one-character name is hidden completely, since its first character is the whole name.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        // Code points, not chars: rare characters in Chinese names (CJK Extension B and later) are
        // surrogate pairs, and cutting one in half would print a broken character.
        int characters = trimmed.codePointCount(0, trimmed.length());
        if (characters <= 1) {
            return maskAll(trimmed);
        }
        int firstEnd = trimmed.offsetByCodePoints(0, 1);
        return trimmed.substring(0, firstEnd) + String.valueOf(MASK).repeat(characters - 1);
    }

    private static boolean looksLikeIdNumber(String value) {
        int length = value.length();
        if (length == 15) {
            return isAsciiDigits(value);
        }
        if (length == 18) {
            char last = value.charAt(17);
            return isAsciiDigits(value.substring(0, 17))
                    && (isAsciiDigit(last) || last == 'X' || last == 'x');
        }
        return false;
    }

    private static String keepEnds(String value, int head, int tail) {
        return value.substring(0, head)
                + String.valueOf(MASK).repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }

    private static String maskAll(String value) {
        return String.valueOf(MASK).repeat(value.codePointCount(0, value.length()));
    }

    private static boolean isAsciiDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(PersonalDataMask::isAsciiDigit);
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
