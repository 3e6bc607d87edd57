package org.onewindow.shared.web;

import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.InvalidIdentifierException;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.web.ProblemDetails.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of a REST call into an RFC 9457 problem detail in the caller's language
 * that names the field and the rule, so that a script or another system can act on it.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Pattern IDENTIFIER_TEMPLATE = Pattern.compile("\\{identifier\\.([a-z.-]+)}");

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException e) {
        List<FieldError> errors = e.violations().stream()
                .map(v -> new FieldError(v.field(), v.rule(), text(v.messageKey(), v.args())))
                .toList();
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", errors.getFirst().message(), errors);
    }

    @ExceptionHandler(InvalidIdentifierException.class)
    ResponseEntity<ProblemDetail> invalidIdentifier(InvalidIdentifierException e) {
        String message = text(e.messageKey(), e.messageArgs());
        // "id-number.check-digit" concerns the field idNumber
        String kebab = e.rule().contains(".") ? e.rule().substring(0, e.rule().indexOf('.')) : e.rule();
        String field = Pattern.compile("-([a-z])").matcher(kebab).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", message, List.of(new FieldError(field, e.rule(), message)));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        String message = text(e.messageKey(), e.args());
        return problem(HttpStatus.CONFLICT, e.rule(), message, List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", text("problem.not-found", text("thing." + e.what()), e.key()), List.of());
    }

    @ExceptionHandler(org.onewindow.shared.IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused(org.onewindow.shared.IdempotencyKeyReusedException e) {
        String message = text("problem.idempotency-key-reused");
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", message,
                List.of(new FieldError("Idempotency-Key", "idempotency-key-reused", message)));
    }

    @ExceptionHandler(NulCharacterGuard.NulCharacterException.class)
    ResponseEntity<Object> nulCharacter(NulCharacterGuard.NulCharacterException e) {
        return invalid(List.of(new FieldError(e.field(), "null-character", text("problem.field.null-character"))));
    }

    /** A multipart body Tomcat could not take apart, such as a file name with a NUL character in it. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> malformedMultipart(org.springframework.web.multipart.MultipartException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.tomcat.util.http.fileupload.InvalidFileNameException) {
                return invalid(List.of(new FieldError("file", "file-name", text("problem.multipart.file-name"))));
            }
        }
        return invalid(List.of(new FieldError("body", "malformed-multipart", text("problem.multipart.malformed"))));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", text("problem.payload-too-large", e.limitBytes()), List.of());
    }

    /**
     * A stored document or identifier that fails its authentication tag was changed behind the
     * platform's back (or the key is wrong): nothing the caller did, so a server error, but one
     * that says so plainly and is logged for the operators instead of a stack trace.
     */
    @ExceptionHandler(org.onewindow.shared.pii.PersonalDataCipher.DecryptionFailedException.class)
    ResponseEntity<ProblemDetail> integrityFailed(org.onewindow.shared.pii.PersonalDataCipher.DecryptionFailedException e) {
        org.slf4j.LoggerFactory.getLogger("org.onewindow.integrity").error("Stored data failed its integrity check: {}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "stored-data-integrity", text("problem.stored-data-integrity"), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return invalid(fieldErrors(e.getBindingResult()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors bodyErrors) {
                // a request body checked together with other parameters: name its fields, as for a body alone
                errors.addAll(fieldErrors(bodyErrors));
                return;
            }
            result.getResolvableErrors().forEach(error -> {
                String field = result.getMethodParameter().getParameterName();
                errors.add(new FieldError(field, ruleOf(error.getCodes()), error.getDefaultMessage()));
            });
        });
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new FieldError(e.getParameterName(), "required", text("problem.field.required"))));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(org.springframework.web.bind.MissingRequestHeaderException e) {
        List<FieldError> errors = List.of(new FieldError(e.getHeaderName(), "required", text("problem.header.required", e.getHeaderName())));
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", errors.getFirst().message(), errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "?" : e.getRequiredType().getSimpleName();
        List<FieldError> errors = List.of(new FieldError(e.getName(), "type", text("problem.field.type", type)));
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", errors.getFirst().message(), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ProblemDetails.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", text("problem.title.payload-too-large"),
                                text("problem.payload-too-large", tooLarge.limitBytes()), List.of()));
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new FieldError(path(unknown), "unknown-field", text("problem.field.unknown", unknown.getPropertyName()))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String type = mismatch.getTargetType() == null ? "?" : mismatch.getTargetType().getSimpleName();
            return invalid(List.of(new FieldError(path(mismatch), "type", text("problem.field.type", type))));
        }
        if (cause instanceof StreamReadException) {
            return invalid(List.of(new FieldError("body", "malformed-json", text("problem.malformed-json"))));
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return invalid(List.of(new FieldError(path(jackson), "invalid", text("problem.field.invalid"))));
        }
        if (cause instanceof JacksonException) {
            return invalid(List.of(new FieldError("body", "malformed-json", text("problem.malformed-json"))));
        }
        return invalid(List.of(new FieldError("body", "unreadable", text("problem.unreadable-body"))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                        text("problem.title.payload-too-large"), text("problem.payload-too-large", e.getMaxUploadSize()), List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        // Framework-level failures (405, 406, 415...) keep Spring's status but get our shape and language.
        if (body instanceof ProblemDetail problem) {
            problem.setTitle(text("problem.title.http-" + status.value(), problem.getTitle()));
            String requestId = org.slf4j.MDC.get(RequestLogFilter.REQUEST_ID);
            if (requestId != null) {
                problem.setProperty("requestId", requestId);
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private ResponseEntity<Object> invalid(List<FieldError> errors) {
        String detail = errors.isEmpty() ? text("problem.invalid-input") : errors.getFirst().message();
        ProblemDetail problem = ProblemDetails.of(HttpStatus.BAD_REQUEST, "invalid-input", text("problem.title.invalid-input"), detail, errors);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail, List<FieldError> errors) {
        // a rule-specific title when there is one, else the title of the HTTP status
        String title = messages.getMessage("problem.title." + type, null, null, LocaleContextHolder.getLocale());
        if (title == null) {
            title = messages.getMessage("problem.title.http-" + status.value(), null, status.getReasonPhrase(), LocaleContextHolder.getLocale());
        }
        return ProblemDetails.response(ProblemDetails.of(status, type, title, detail, errors));
    }

    private List<FieldError> fieldErrors(org.springframework.validation.Errors result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(), ruleOf(error), error.getDefaultMessage())));
        result.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(), ruleOf(error.getCodes()), error.getDefaultMessage())));
        return errors;
    }

    private static String ruleOf(org.springframework.validation.FieldError error) {
        if (error.contains(ConstraintViolation.class)) {
            Matcher identifier = IDENTIFIER_TEMPLATE.matcher(error.unwrap(ConstraintViolation.class).getMessageTemplate());
            if (identifier.matches()) {
                return identifier.group(1);
            }
        }
        return ruleOf(error.getCodes());
    }

    /** NotBlank -> not-blank: the constraint's name is the rule a client can look up. */
    private static String ruleOf(String[] codes) {
        if (codes == null || codes.length == 0) {
            return "invalid";
        }
        String code = codes[codes.length - 1];
        return code.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
