package org.onewindow.casework.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.flowable.bpmn.exceptions.XMLException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.xml.sax.SAXParseException;

/**
 * Why a BPMN file could not be read, in words an administrator acts on: the line, and whether the
 * file is not XML at all or is XML that the BPMN 2.0 schema does not allow there. The parser's
 * own message is for developers and is not shown; the rule stays {@code process.not-parsable}.
 */
final class UnreadableModel {

    private static final String RULE = "process.not-parsable";
    /** The schema validator names the element or attribute it stumbled on between quotes. */
    private static final Pattern QUOTED = Pattern.compile("'(?:\\{\"[^\"]*\":)?([A-Za-z_][\\w.:-]*)}?'");

    private UnreadableModel() {
    }

    static Violation explained(XMLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SAXParseException sax && sax.getLineNumber() > 0 && !isSchemaRule(sax)) {
                return new Violation("model", RULE, "rule.process.not-well-formed", line(sax.getLineNumber()));
            }
            if (cause instanceof SAXParseException schema && schema.getLineNumber() > 0) {
                Matcher named = QUOTED.matcher(String.valueOf(schema.getMessage()));
                return named.find()
                        ? new Violation("model", RULE, "rule.process.against-schema-at", line(schema.getLineNumber()), named.group(1))
                        : new Violation("model", RULE, "rule.process.against-schema", line(schema.getLineNumber()));
            }
            if (cause instanceof XMLStreamException xml && xml.getLocation() != null && xml.getLocation().getLineNumber() > 0) {
                return new Violation("model", RULE, "rule.process.not-well-formed", line(xml.getLocation().getLineNumber()));
            }
        }
        return new Violation("model", RULE, "rule.process.not-readable");
    }

    /** The schema validator's own findings are named after the XML Schema rule they break ("cvc-..."); the rest is XML that does not parse. */
    private static boolean isSchemaRule(SAXParseException failure) {
        return String.valueOf(failure.getMessage()).startsWith("cvc-");
    }

    /** As written, without the grouping a message format would put into a large number. */
    private static String line(int number) {
        return String.valueOf(number);
    }
}
