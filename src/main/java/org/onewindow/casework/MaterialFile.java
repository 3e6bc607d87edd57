package org.onewindow.casework;

import java.util.Arrays;

/** A document handed in with an application, opened: its name, its type and its content in clear. */
public record MaterialFile(String fileName, String contentType, byte[] content) {

    @Override
    public String toString() {
        return "MaterialFile[" + contentType + ", " + content.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MaterialFile file && file.fileName.equals(fileName) && file.contentType.equals(contentType)
                && Arrays.equals(file.content, content);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(content);
    }
}
