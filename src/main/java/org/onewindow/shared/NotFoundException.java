package org.onewindow.shared;

/** Something named in the request does not exist: 404, naming what was looked for. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final String what;
    private final String key;

    public NotFoundException(String what, String key) {
        super(what + " " + key + " not found");
        this.what = what;
        this.key = key;
    }

    public String what() {
        return what;
    }

    public String key() {
        return key;
    }
}
