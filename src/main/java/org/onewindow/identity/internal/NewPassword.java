package org.onewindow.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.util.function.SingletonSupplier;

/**
 * A password someone chooses, checked as OWASP ASVS 2.1 asks: at least 12 characters, at most
 * 128, any characters (no composition rules), and not one of the passwords people choose most
 * (resource {@code identity/common-passwords.txt}, made by {@code bin/generate-common-passwords}).
 * Checked at registration and whenever a password is set; the demo accounts' published password
 * is seeded data and never chosen through here.
 */
public final class NewPassword {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private static final Supplier<Set<String>> COMMON = SingletonSupplier.of(NewPassword::loadCommon);

    private NewPassword() {
    }

    /** The password if it may be chosen; otherwise a 422 naming the field {@code password} and the rule. */
    public static String checked(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new RuleViolationException(new Violation("password", "password-length", "account.password-length"));
        }
        if (isCommon(password)) {
            throw new RuleViolationException(new Violation("password", "password-common", "account.password-common"));
        }
        return password;
    }

    static boolean isCommon(String password) {
        return COMMON.get().contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> loadCommon() {
        var resource = NewPassword.class.getResourceAsStream("/identity/common-passwords.txt");
        if (resource == null) {
            throw new IllegalStateException("identity/common-passwords.txt is missing from the classpath");
        }
        Set<String> common = new HashSet<>();
        try (var lines = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> !line.isBlank()).forEach(line -> common.add(line.strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
