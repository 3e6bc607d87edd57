package org.onewindow.identity;

import org.onewindow.shared.GovernmentTime;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.onewindow.shared.InvalidIdentifierException;
import org.onewindow.shared.pii.PersonalDataMask;

/**
 * A citizen's resident ID number (公民身份号码) as defined by GB 11643-1999: a 6-digit region code,
 * an 8-digit birth date (yyyyMMdd), a 3-digit sequence number and an ISO 7064 MOD 11-2 check
 * character (a digit or {@code X}).
 *
 * <p>{@link #toString()} shows only the {@linkplain #masked() masked} number, so that logging a
 * value never leaks it; {@link #value()} gives the full number for storage and look-ups.
 *
 * <p>The constructor enforces every rule that the number itself decides. Whether a birth date lies
 * in the future depends on when one asks, so only {@link #parse(String, Clock)} checks that: a
 * number stored yesterday must still load today even if a server's clock is off.
 */
public record ResidentIdNumber(String value) {

    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    // Birth dates on the card are Beijing dates, whatever zone the server runs in.

    // Province-level divisions of GB/T 2260: 北京…内蒙古 11-15, 辽宁…黑龙江 21-23, 上海…山东 31-37,
    // 河南…海南 41-46, 重庆…西藏 50-54, 陕西…新疆 61-65, 台湾 71, 香港 81, 澳门 82. Residence permits
    // for Taiwan residents use 83 (as those for Hong Kong and Macao residents use 81 and 82), and
    // their holders must be able to use the same services.
    private static final Set<String> PROVINCE_CODES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    public ResidentIdNumber {
        value = checked(value, null);
    }

    /**
     * Reads an ID number as a citizen typed it: surrounding whitespace is ignored and a lower-case
     * {@code x} is accepted.
     *
     * @throws InvalidIdentifierException naming the first rule broken, checked in this order:
     *     {@code id-number.required}, {@code .length}, {@code .format}, {@code .region},
     *     {@code .birth-date}, {@code .check-digit}
     */
    public static ResidentIdNumber parse(String text) {
        return parse(text, Clock.system(GovernmentTime.ZONE));
    }

    /** As {@link #parse(String)}, with "today" (the latest possible birth date) read from {@code clock}. */
    public static ResidentIdNumber parse(String text, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new ResidentIdNumber(checked(text, LocalDate.now(clock)));
    }

    /** The check character that completes the first 17 digits of an ID number. */
    public static char checkDigitFor(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !isAsciiDigits(first17, LENGTH - 1)) {
            throw new IllegalArgumentException("Expected the first 17 digits of an ID number");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return birthDateIn(value);
    }

    /** The 6-digit administrative region code of the place where the number was first issued. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** The number with all but the first and last four characters hidden: {@code 1101**********002X}. */
    public String masked() {
        return PersonalDataMask.idNumber(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String checked(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException("id-number.required");
        }
        String number = text.strip();
        if (number.length() != LENGTH) {
            throw new InvalidIdentifierException("id-number.length");
        }
        if (number.charAt(LENGTH - 1) == 'x') {
            number = number.substring(0, LENGTH - 1) + 'X';
        }
        char last = number.charAt(LENGTH - 1);
        if (!isAsciiDigits(number, LENGTH - 1) || !(isAsciiDigit(last) || last == 'X')) {
            throw new InvalidIdentifierException("id-number.format");
        }
        if (!PROVINCE_CODES.contains(number.substring(0, 2))) {
            throw new InvalidIdentifierException("id-number.region");
        }
        LocalDate birthDate = birthDateIn(number);
        if (birthDate == null
                || birthDate.isBefore(EARLIEST_BIRTH_DATE)
                || (today != null && birthDate.isAfter(today))) {
            throw new InvalidIdentifierException("id-number.birth-date");
        }
        if (last != checkDigitFor(number.substring(0, LENGTH - 1))) {
            throw new InvalidIdentifierException("id-number.check-digit");
        }
        return number;
    }

    /** The date in digits 7-14, or null when they name no calendar day (such as 0229 of 2023). */
    private static LocalDate birthDateIn(String number) {
        try {
            return LocalDate.of(
                    Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isAsciiDigits(String text, int count) {
        for (int i = 0; i < count; i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
