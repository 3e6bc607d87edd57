package org.onewindow;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The accessibility rules of axe-core (installed from npm into target/ by the build, see the pom)
 * run in the page the browser shows: the WCAG 2.1 A and AA rules only, whose violations are listed
 * so that a person can find each element and fix it.
 */
public final class AxeCore {

    private static final String RULES = "return axe.run(document, {runOnly: {type: 'tag', values: "
            + "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
            + ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, "
            + "nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\\s+/g, ' '))})));";

    private final String script;

    private AxeCore(String script) {
        this.script = script;
    }

    /** axe-core from where the build put it ({@code onewindow.axe-core}, set by surefire). */
    public static AxeCore installed() throws IOException {
        Path file = Path.of(System.getProperty("onewindow.axe-core", "target/axe-core/node_modules/axe-core/axe.min.js"));
        if (!Files.isReadable(file)) {
            fail("The accessibility check needs axe-core at " + file + ": ./mvnw generate-test-resources installs it with npm");
        }
        return new AxeCore(Files.readString(file));
    }

    /** The WCAG 2.1 AA violations of the page the browser shows, one readable line per element; none when it is fine. */
    @SuppressWarnings("unchecked")
    public List<String> violations(ChromeDriver browser) {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
            browser.executeScript(script);
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; (function () {" + RULES + "})().then(done, e => done([{id: 'axe-error', "
                        + "impact: 'error', help: String(e), nodes: []}]));");
        return found.stream().flatMap(v -> {
            List<String> nodes = (List<String>) v.get("nodes");
            String rule = v.get("id") + " (" + v.get("impact") + "): " + v.get("help");
            return nodes.isEmpty() ? List.of(rule).stream() : nodes.stream().map(node -> rule + "\n      at " + node);
        }).collect(Collectors.toList());
    }
}
