package org.onewindow.shared.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The canonical encoding of a chained row, the same as the database's ledger_content: each
 * column's text as "&lt;bytes&gt;:&lt;text&gt;,", a null as "~,"; a row's hash is SHA-256 over the
 * previous row's hash and that encoding.
 */
final class Netstrings {

    private Netstrings() {
    }

    static byte[] rowHash(byte[] previousHash, List<String> columns) {
        StringBuilder content = new StringBuilder();
        for (String value : columns) {
            if (value == null) {
                content.append("~,");
            } else {
                content.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(',');
            }
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash);
            return sha256.digest(content.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
