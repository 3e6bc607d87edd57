package org.onewindow.casework.application;

import java.nio.charset.StandardCharsets;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.MaterialFile;
import org.onewindow.identity.StaffDirectory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A document handed in, downloaded from the pages: the applicant's side from the status page,
 * staff who may read the case from the office's page (each opening recorded against the
 * applicant). Anyone else gets the same 404 as for an application that does not exist.
 */
@Controller
class DocumentDownloads {

    private final CaseworkService casework;
    private final StaffDirectory staff;

    DocumentDownloads(CaseworkService casework, StaffDirectory staff) {
        this.casework = casework;
        this.staff = staff;
    }

    @GetMapping({"/applications/{number}/materials/{materialCode}/file", "/office/applications/{number}/materials/{materialCode}/file"})
    ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable String materialCode, Authentication who) {
        MaterialFile document = casework.openMaterial(number, who.getName(), staff.staff(who.getName()), materialCode);
        return attachment(document.fileName(), document.contentType(), document.content());
    }

    /** Never shown inside the platform's pages (a PDF could carry what the inspection missed), never kept by a shared cache. */
    static ResponseEntity<byte[]> attachment(String fileName, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(content);
    }
}
