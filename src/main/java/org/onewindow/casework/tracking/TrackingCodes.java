package org.onewindow.casework.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.casework.casefile.CaseFiles;
import org.onewindow.identity.PersonDirectory;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.pii.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receipt of a filing at the window and its tracking code. A code is twelve characters drawn
 * at random from letters and digits that cannot be mistaken for one another (31^12, about 2^59),
 * shown once on the receipt and kept only as a keyed hash; a new receipt's code replaces the old
 * one. Following with a number and a code answers the same for every wrong pair, whether the
 * number exists or not.
 */
@Service
public class TrackingCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 12;
    private static final int MAX_GIVEN = 40;

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final CaseFiles files;
    private final PersonDirectory people;

    TrackingCodes(JdbcClient jdbc, PersonalDataCipher cipher, CaseFiles files, PersonDirectory people) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.files = files;
        this.people = people;
    }

    /**
     * The receipt of a filing: the materials the window took on paper, and a new tracking code,
     * returned to be printed once (grouped in fours, as people read it out).
     */
    @Transactional
    public String issue(String number, List<String> receivedMaterials, String issuedBy) {
        String code = newCode();
        jdbc.sql("""
                insert into window_receipt (application_number, received_materials, tracking_code_hash, issued_by)
                values (:n, :materials, :hash, :by)
                on conflict (application_number) do update
                set received_materials = excluded.received_materials, tracking_code_hash = excluded.tracking_code_hash,
                    issued_by = excluded.issued_by, issued_at = now()""")
                .param("n", number).param("materials", receivedMaterials.toArray(String[]::new)).param("hash", hash(number, code))
                .param("by", issuedBy).update();
        return grouped(code);
    }

    /** A new code for a receipt whose code was lost: the old one stops working. */
    @Transactional
    public String reissue(String number, String issuedBy) {
        String code = newCode();
        int changed = jdbc.sql("update window_receipt set tracking_code_hash = :hash, issued_by = :by, issued_at = now() "
                        + "where application_number = :n")
                .param("n", number).param("hash", hash(number, code)).param("by", issuedBy).update();
        if (changed == 0) {
            throw new NotFoundException("application", number);
        }
        return grouped(code);
    }

    /** The materials the window took on paper; empty when it gave no receipt. */
    public Optional<List<String>> receivedMaterials(String number) {
        return jdbc.sql("select received_materials from window_receipt where application_number = :n").param("n", number)
                .query((rs, n) -> List.of((String[]) rs.getArray("received_materials").getArray())).optional();
    }

    /** The application a number and its code lead to; empty for every other pair. */
    @Transactional(readOnly = true)
    public Optional<TrackedApplication> follow(String number, String code) {
        if (number == null || code == null || number.length() > MAX_GIVEN || code.length() > MAX_GIVEN) {
            return Optional.empty();
        }
        String given = number.strip().toUpperCase(Locale.ROOT);
        byte[] expected = hash(given, normalized(code)).getBytes(StandardCharsets.US_ASCII);
        Optional<String> stored = jdbc.sql("select tracking_code_hash from window_receipt where application_number = :n")
                .param("n", given).query(String.class).optional();
        // compared in constant time, and against the same work when there is no such receipt
        boolean matches = MessageDigest.isEqual(expected, stored.orElse("").getBytes(StandardCharsets.US_ASCII)) && stored.isPresent();
        if (!matches) {
            return Optional.empty();
        }
        ApplicationView a = files.view(files.reload(given));
        TimelineEntry latest = a.timeline().isEmpty() ? null : a.timeline().getLast();
        return Optional.of(new TrackedApplication(a.number(), a.itemName(),
                people.onRecord(a.applicant()).map(PersonDirectory.OnRecord::maskedName).orElse(null), a.state(), a.dueOn(),
                latest == null ? null : latest.step(), latest == null ? null : latest.at()));
    }

    private String newCode() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    private String hash(String number, String code) {
        return cipher.blindIndex("tracking:" + number + ":" + code);
    }

    /** What a person typed: without spaces and dashes, in capitals. */
    private static String normalized(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static String grouped(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }
}
