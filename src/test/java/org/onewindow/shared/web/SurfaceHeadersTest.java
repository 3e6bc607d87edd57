package org.onewindow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** What every answer tells the browser, and what the platform believes of a request's own headers. */
@IntegrationTest
class SurfaceHeadersTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Test
    void everyPageCarriesAContentSecurityPolicyWithoutInlineScript() throws Exception {
        RawHttp raw = new RawHttp(port);
        for (String path : new String[] {"/", "/search?q=%E5%87%BA%E7%94%9F", "/items/MR-001", "/bundles", "/bundles/open-restaurant",
                "/login", "/register", "/no-such-page", "/api/v1/catalog/items", "/api/v1/no-such-thing", "/items/%zz"}) {
            var answer = raw.get(path, "Accept: text/html");
            String policy = answer.header("Content-Security-Policy");
            assertThat(policy).as(path).isNotNull().contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .contains("object-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(answer.header("Permissions-Policy")).as(path).contains("camera=()");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("Strict-Transport-Security")).as("plain HTTP gets no HSTS: " + path).isNull();
            if (answer.header("Content-Type") != null && answer.header("Content-Type").startsWith("text/html")) {
                assertThat(INLINE_SCRIPT.matcher(answer.body()).find()).as("inline script on " + path).isFalse();
                assertThat(HANDLER.matcher(answer.body()).find()).as("inline handler on " + path).isFalse();
            }
        }
        // and no template can bring one back on a page not listed above
        for (Resource template : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
            String text = template.getContentAsString(StandardCharsets.UTF_8);
            assertThat(INLINE_SCRIPT.matcher(text).find()).as("inline script in " + template.getFilename()).isFalse();
            assertThat(HANDLER.matcher(text).find()).as("inline handler in " + template.getFilename()).isFalse();
            assertThat(INLINE_STYLE.matcher(text).find()).as("inline style in " + template.getFilename()).isFalse();
        }
    }

    @Test
    void aForgedHostHeaderIsNeverReflectedIntoARedirect() {
        RawHttp raw = new RawHttp(port);
        var forged = raw.send("GET /account HTTP/1.1\nHost: evil.example\nAccept: text/html\nConnection: close\n\n", null);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.lowerHeaders()).doesNotContain("evil.example");
        var forgedApi = raw.send("GET /api/v1/identity/me HTTP/1.1\nHost: evil.example\nConnection: close\n\n", null);
        assertThat(forgedApi.status()).isEqualTo(400);
        assertThat(forgedApi.header("Content-Type")).startsWith("application/problem+json");

        // the platform's own host: redirects are paths, never host names taken from the request
        var toSignIn = raw.get("/account", "Accept: text/html");
        assertThat(toSignIn.status()).isEqualTo(302);
        assertThat(toSignIn.header("Location")).endsWith("/login");
        var login = raw.get("/login");
        String session = cookie(login.headers(), "jsessionid");
        String csrf = csrf(login.body());
        String form = "username=zhangsan&password=" + DemoPeople.PASSWORD + "&_csrf=" + csrf;
        var signedIn = raw.send("POST /login HTTP/1.1\nHost: localhost:" + port + "\nCookie: JSESSIONID=" + session
                + "\nAccept: text/html\nContent-Type: application/x-www-form-urlencoded\nContent-Length: " + form.length() + "\nConnection: close\n\n",
                form.getBytes(StandardCharsets.US_ASCII));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).startsWith("/");
        String newSession = cookie(signedIn.headers(), "jsessionid");
        assertThat(signedIn.lowerHeaders()).contains("samesite=lax").contains("httponly");

        var account = raw.get("/account", "Accept: text/html", "Cookie: JSESSIONID=" + newSession);
        String logoutForm = "_csrf=" + csrf(account.body());
        var loggedOut = raw.send("POST /logout HTTP/1.1\nHost: localhost:" + port + "\nCookie: JSESSIONID=" + newSession
                + "\nAccept: text/html\nContent-Type: application/x-www-form-urlencoded\nContent-Length: " + logoutForm.length() + "\nConnection: close\n\n",
                logoutForm.getBytes(StandardCharsets.US_ASCII));
        assertThat(loggedOut.status()).isEqualTo(302);
        assertThat(loggedOut.header("Location")).isEqualTo("/");
    }

    @Test
    void aForwardedHeaderFromAnUntrustedClientIsIgnored() {
        RawHttp raw = new RawHttp(port);
        var answer = raw.get("/account", "Accept: text/html", "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example", "X-Forwarded-Port: 443",
                "X-Forwarded-For: 203.0.113.9", "Forwarded: for=203.0.113.9;host=evil.example;proto=https");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/login");
        assertThat(answer.header("Strict-Transport-Security")).isNull();
        assertThat(answer.lowerHeaders()).doesNotContain("evil.example").doesNotContain("secure;").doesNotContain("; secure");
    }

    private static String cookie(String headers, String name) {
        Matcher m = Pattern.compile("set-cookie: " + name + "=([^;\\r\\n]+)", Pattern.CASE_INSENSITIVE).matcher(headers);
        assertThat(m.find()).as("cookie " + name + " in\n" + headers).isTrue();
        return m.group(1);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
