package org.onewindow.casework.application;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.casework.pages.FormQuestions;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.FormField;
import org.onewindow.shared.pii.PersonalDataCipher;
import org.onewindow.shared.web.InterruptedForm;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of an online application that arrived after the applicant's session ended, kept in
 * the database (any node may get the next request) for a short while, until the person signs in
 * again and opens the form. The request that brings them is anonymous, so they are tied to two
 * things: a random token in a cookie of that browser (only its hash is stored), and the owner
 * proof the form was rendered with, a keyed hash of the person it was shown to. Whoever signs in
 * next gets them back only if the proof is theirs; a forged post cannot carry someone else's proof.
 * They are taken once: read, deleted and the cookie cleared.
 */
@Component
class UnsentAnswers implements InterruptedForm {

    static final String COOKIE = "OW_UNSENT_ANSWERS";
    static final String REGION = "regionCode";
    private static final Duration KEPT_FOR = Duration.ofMinutes(30);
    private static final Pattern APPLY = Pattern.compile("/items/([A-Za-z0-9_-]{1,40})/apply");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern PROOF = Pattern.compile("[0-9a-f]{64}");
    private static final int LONGEST_ANSWER = 4000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final CatalogService catalog;
    private final JsonMapper json;

    UnsentAnswers(JdbcClient jdbc, PersonalDataCipher cipher, CatalogService catalog, JsonMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.catalog = catalog;
        this.json = json;
    }

    /** What the form had when it was sent: its inputs by name and the key it was rendered with. */
    record Kept(Map<String, String> inputs, String idempotencyKey) {
    }

    /** The hidden value the form carries for the person it is shown to; nobody else can make it. */
    String ownerProof(String username, String idempotencyKey) {
        return cipher.blindIndex("unsent-answers\n" + username + "\n" + idempotencyKey);
    }

    @Override
    public Optional<String> keep(HttpServletRequest request, HttpServletResponse response) {
        Matcher path = APPLY.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!"POST".equals(request.getMethod()) || !path.matches()) {
            return Optional.empty();
        }
        String code = path.group(1);
        String proof = request.getParameter("owner");
        var item = catalog.publishedItem(code);
        if (item.isEmpty() || proof == null || !PROOF.matcher(proof).matches()) {
            return Optional.empty();
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (FormField field : item.get().standard().form()) {
            String name = FormQuestions.PREFIX + field.name();
            Optional.ofNullable(request.getParameter(name)).filter(v -> !v.isBlank())
                    .ifPresent(v -> inputs.put(name, v.length() > LONGEST_ANSWER ? v.substring(0, LONGEST_ANSWER) : v));
        }
        Optional.ofNullable(request.getParameter(REGION)).filter(r -> r.matches("[0-9]{6,12}")).ifPresent(r -> inputs.put(REGION, r));
        String token = newToken();
        // expired answers go whenever new ones come: no scheduled job, and nothing stays long on any node's account
        jdbc.sql("delete from unsent_application_answers where expires_at < now()").update();
        cookieOf(request).ifPresent(previous -> jdbc.sql("delete from unsent_application_answers where token_hash = :hash")
                .param("hash", hash(previous)).update());
        jdbc.sql("""
                insert into unsent_application_answers (token_hash, item_code, owner_proof, idempotency_key, answers, expires_at)
                values (:hash, :code, :proof, :key, :answers, now() + make_interval(secs => :seconds))""")
                .param("hash", hash(token)).param("code", code).param("proof", proof)
                .param("key", FormQuestions.idempotencyKey(request.getParameter("idempotencyKey")))
                .param("answers", cipher.encrypt(json.writeValueAsString(inputs))).param("seconds", KEPT_FOR.toSeconds()).update();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, code, token, KEPT_FOR).toString());
        return Optional.of("/items/" + code + "/apply");
    }

    /** The answers kept in this browser for this item, if they are the signed-in person's; gone from the database afterwards. */
    Optional<Kept> takeBack(HttpServletRequest request, HttpServletResponse response, String code, String username) {
        Optional<String> token = cookieOf(request);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, code, "", Duration.ZERO).toString());
        return jdbc.sql("""
                delete from unsent_application_answers where token_hash = :hash
                returning item_code, owner_proof, idempotency_key, answers, expires_at > now() as fresh""")
                .param("hash", hash(token.get()))
                .query((row, n) -> row.getBoolean("fresh") && code.equals(row.getString("item_code"))
                        && sameProof(row.getString("owner_proof"), ownerProof(username, row.getString("idempotency_key")))
                        ? new Kept(json.readValue(cipher.decrypt(row.getString("answers")), new TypeReference<Map<String, String>>() { }),
                                row.getString("idempotency_key"))
                        : null)
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static Optional<String> cookieOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue).filter(v -> TOKEN.matcher(v).matches()).findFirst();
    }

    private static ResponseCookie cookie(HttpServletRequest request, String code, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value).path(request.getContextPath() + "/items/" + code + "/apply").maxAge(maxAge)
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").build();
    }

    private static boolean sameProof(String kept, String expected) {
        return MessageDigest.isEqual(kept.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
