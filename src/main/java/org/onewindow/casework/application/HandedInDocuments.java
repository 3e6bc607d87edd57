package org.onewindow.casework.application;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.casework.model.ApplicationForm;
import org.onewindow.catalog.Material;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.upload.CheckedFile;
import org.onewindow.shared.upload.UploadInspection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The documents a page's form carries: one file field for each document the item asks the
 * person to bring, saying whether it is required, what it accepts and how large it may be; and
 * what a form sent, each file checked by its content, every refusal at once, each one next to
 * its own field (field {@code materials.<code>}, shown with the id {@code materials-<code>}).
 */
@Component
class HandedInDocuments {

    private static final String ID_PREFIX = "materials-";

    private final UploadInspection inspection;
    private final long maxFileBytes;
    private final long maxRequestBytes;

    HandedInDocuments(UploadInspection inspection, @Value("${spring.servlet.multipart.max-file-size}") DataSize maxFile,
                      @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequest) {
        this.inspection = inspection;
        this.maxFileBytes = maxFile.toBytes();
        this.maxRequestBytes = maxRequest.toBytes();
    }

    /** One file field as the page shows it. */
    record DocumentField(String id, String inputName, String name, boolean required, String error) {
    }

    /** The limits a page says and its script checks before sending anything. */
    record Limits(long fileBytes, long requestBytes) {
        public long fileMegabytes() {
            return fileBytes / (1024 * 1024);
        }

        public long requestMegabytes() {
            return requestBytes / (1024 * 1024);
        }
    }

    Limits limits() {
        return new Limits(maxFileBytes, maxRequestBytes);
    }

    List<DocumentField> fields(ServiceItem item, Map<String, String> errors, Locale locale) {
        return item.standard().materialsToBring().stream()
                .map(m -> new DocumentField(ID_PREFIX + m.code(), ApplicantSteps.DOCUMENT_FIELD + m.code(), name(m, locale), m.required(),
                        errors.get(ID_PREFIX + m.code())))
                .toList();
    }

    /** The fields' ids, in the order of the form, for the error summary. */
    List<String> ids(ServiceItem item) {
        return item.standard().materialsToBring().stream().map(m -> ID_PREFIX + m.code()).toList();
    }

    /** Each field's id with the document's name, so that the error summary says which document a refusal is about. */
    Map<String, String> labels(ServiceItem item, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        item.standard().materialsToBring().forEach(m -> labels.put(ID_PREFIX + m.code(), name(m, locale)));
        return labels;
    }

    /** A refusal's messages by the id of the field on the page: a document's {@code materials.<code>} is shown at {@code materials-<code>}. */
    static Map<String, String> onThePage(Map<String, String> errors) {
        Map<String, String> shown = new LinkedHashMap<>();
        errors.forEach((field, message) -> shown.put(field.startsWith(ApplicantSteps.DOCUMENT_FIELD)
                ? ID_PREFIX + field.substring(ApplicantSteps.DOCUMENT_FIELD.length()) : field, message));
        return shown;
    }

    /**
     * The files the form sent, by material code; a field left empty is no document. Every file is
     * checked before anything is kept, and all refusals come together.
     *
     * @throws RuleViolationException naming each refused document's field
     */
    Map<String, CheckedFile> received(HttpServletRequest request, ServiceItem item) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        Map<String, CheckedFile> documents = new LinkedHashMap<>();
        if (multipart == null) {
            return documents;
        }
        List<Violation> refused = new ArrayList<>();
        for (Material m : item.standard().materialsToBring()) {
            String field = ApplicantSteps.DOCUMENT_FIELD + m.code();
            MultipartFile file = multipart.getFile(field);
            if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
                continue;
            }
            try {
                documents.put(m.code(), inspection.inspect(field, file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            } catch (RuleViolationException broken) {
                refused.addAll(broken.violations());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        if (!refused.isEmpty()) {
            throw new RuleViolationException(refused);
        }
        return documents;
    }

    /** The files a form sent; a refused one is said together with what is wrong in the form's answers. */
    Map<String, CheckedFile> receivedWith(HttpServletRequest request, ServiceItem item, Map<String, Object> answers) {
        try {
            return received(request, item);
        } catch (RuleViolationException refused) {
            List<Violation> all = new ArrayList<>(ApplicationForm.check(item.standard().form(), answers));
            all.addAll(refused.violations());
            throw new RuleViolationException(all);
        }
    }

    private static String name(Material m, Locale locale) {
        String name = m.name().in(locale);
        return name == null || name.isBlank() ? m.code() : name;
    }
}
