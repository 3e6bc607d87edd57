package org.onewindow.casework;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.onewindow.PlatformClient;

/** Hands in and opens the documents of an application through the API, as a browser or a script would. */
public final class Uploads {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Uploads() {
    }

    public static PlatformClient.Response upload(PlatformClient who, String number, String materialCode, String fileName, String type,
                                                 byte[] content) {
        String boundary = "----onewindow" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\n" + materialCode + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return who.send(who.request("/api/v1/casework/applications/" + number + "/materials")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The newest document of that kind, as its bytes: the answer's body is not text. */
    public static HttpResponse<byte[]> open(PlatformClient who, String number, String materialCode) {
        try {
            return HTTP.send(who.request("/api/v1/casework/applications/" + number + "/materials/" + materialCode + "/file").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
