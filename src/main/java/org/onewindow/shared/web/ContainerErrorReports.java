package org.onewindow.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat refuses some requests before the application sees them (an encoded slash, bad percent
 * encoding, characters a URL may not carry) and answers those with its own HTML page, which
 * names the server and is no problem detail. This replaces Tomcat's error report: API paths get
 * a problem detail, everything else a plain page in the platform's words. Errors the
 * application handles itself never reach it (they are already written).
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final MessageSource messages;

    ContainerErrorReports(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // the context is already a child of its host here, and the host is not started yet
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.getPipeline().addValve(new PlatformErrorReport(messages));
                // the host adds its own report valve at start unless one of this class is there
                host.setErrorReportValveClass(PlatformErrorReport.class.getName());
            }
        });
    }

    static final class PlatformErrorReport extends ErrorReportValve {

        private final MessageSource messages;

        PlatformErrorReport(MessageSource messages) {
            this.messages = messages;
            setShowServerInfo(false);
            setShowReport(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
            Locale locale = localeOf(request);
            String title = messages.getMessage("problem.title.http-" + code, null, status.getReasonPhrase(), locale);
            String detail = messages.getMessage("problem.http-" + code, null, title, locale);
            String path = request.getCoyoteRequest().requestURI().toString();
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                // these answers never pass the filters, which set the headers of every other answer
                response.setHeader("Content-Security-Policy", SecurityHeaders.POLICY);
                response.setHeader("Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
                response.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                if (path.startsWith("/api/")) {
                    response.setContentType("application/problem+json");
                    write(response, "{\"type\":\"/problems/http-" + code + "\",\"title\":\"" + json(title) + "\",\"status\":" + code
                            + ",\"detail\":\"" + json(detail) + "\"}");
                } else {
                    response.setContentType("text/html");
                    String lang = "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
                    write(response, "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>"
                            + HtmlUtils.htmlEscape(title) + "</title><link rel=\"stylesheet\" href=\"/css/onewindow.css\"></head><body>"
                            + "<main class=\"page narrow\"><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p class=\"lead\">"
                            + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"/\">"
                            + HtmlUtils.htmlEscape(messages.getMessage("error.home", null, "/", locale)) + "</a></p><p class=\"meta\">"
                            + HtmlUtils.htmlEscape(messages.getMessage("error.status", new Object[] {code}, String.valueOf(code), locale))
                            + "</p></main></body></html>");
                }
            } catch (IOException | IllegalStateException clientGone) {
                // nothing more can be said to a client that is gone
            }
        }

        private static void write(Response response, String body) throws IOException {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        }

        private static Locale localeOf(Request request) {
            String header = request.getHeader("Accept-Language");
            return header != null && header.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }

        private static String json(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
