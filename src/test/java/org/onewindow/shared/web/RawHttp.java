package org.onewindow.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends bytes as they are: what an attacker's tool sends, not what a well-behaved HTTP client
 * allows (a forged Host header, an encoded slash, a raw NUL byte).
 */
final class RawHttp {

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Answer send(String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(head.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return Answer.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of a path exactly as written, with the headers given (one per line) and Connection: close. */
    Answer get(String rawPath, String... headers) {
        StringBuilder head = new StringBuilder("GET " + rawPath + " HTTP/1.1\nHost: localhost:" + port + "\n");
        for (String header : headers) {
            head.append(header).append('\n');
        }
        return send(head.append("Connection: close\n\n").toString(), null);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /** Status, headers and the body as text; a chunked body is kept as sent. */
    record Answer(int status, String headers, String body) {
        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, body);
        }

        /** The headers in lower case, to look for a value whatever its spelling. */
        String lowerHeaders() {
            return headers.toLowerCase(Locale.ROOT);
        }

        String header(String name) {
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }
    }
}
