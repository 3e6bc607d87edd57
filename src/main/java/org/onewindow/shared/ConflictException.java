package org.onewindow.shared;

/** The request is well-formed but clashes with the current state (e.g. editing a published version): 409. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

    private final String rule;
    private final Object[] args;

    public ConflictException(String rule, Object... args) {
        super(rule);
        this.rule = rule;
        this.args = args;
    }

    public String rule() {
        return rule;
    }

    public String messageKey() {
        return "rule." + rule;
    }

    public Object[] args() {
        return args;
    }
}
