package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep to their boundaries: no module reaches into another one's internals. Every
 * module, casework's capabilities included, says what it owns and is on the architecture map
 * (docs/architecture.md), and the generated diagrams cover each of them.
 */
class ModularityTest {

    /** The test runs in the project's root directory. */
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final String DIAGRAMS = "target/spring-modulith-docs";

    private static final ApplicationModules MODULES = ApplicationModules.of(OneWindowApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("identity", "catalog", "shared", "casework", "benchmark")
                // casework is cut by capability: each one is a module of its own, verified like the others
                .contains("casework.application", "casework.office", "casework.timelimits", "casework.ratings", "casework.process",
                        "casework.decision", "casework.notifications");
        MODULES.verify();
    }

    @Test
    void theCheckCatchesAModuleReachingIntoAnothersInternals() {
        // A deliberately broken pair of modules: "intruder" uses a class inside "owner.internal".
        assertThatThrownBy(() -> ApplicationModules.of("org.onewindow.modularityfixture", testClassesToo -> true).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("owner.internal");
    }

    @Test
    void theDiagramsShowEveryModule() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS)).writeDocumentation();

        Path diagrams = Path.of(DIAGRAMS);
        assertThat(diagrams.resolve("components.puml")).content().startsWith("@startuml");
        for (ApplicationModule module : MODULES) {
            String id = module.getIdentifier().toString();
            assertThat(diagrams.resolve("module-" + id + ".puml")).as("component diagram of %s", id)
                    .content().startsWith("@startuml").contains(module.getDisplayName());
            assertThat(diagrams.resolve("module-" + id + ".adoc")).as("module canvas of %s", id)
                    .content().contains(module.getBasePackage().getName());
        }
    }

    @Test
    void everyModuleSaysWhatItOwnsAndIsOnTheArchitectureMap() throws IOException {
        assertThat(undocumented(MODULES, SOURCES, ARCHITECTURE))
                .as("a module needs a package-info.java whose Javadoc says what it owns, and a place in %s", ARCHITECTURE)
                .isEmpty();
    }

    @Test
    void theDocumentationCheckCatchesAModuleAddedWithoutItsDocumentation(@TempDir Path project) throws IOException {
        // The fixture's two modules: "owner" is documented here; "intruder", like a module just
        // added in a hurry, has a package-info.java without Javadoc and is not on the map.
        ApplicationModules fixture = ApplicationModules.of("org.onewindow.modularityfixture", testClassesToo -> true);
        Path sources = project.resolve("src/main/java");
        Path owner = Files.createDirectories(sources.resolve("org/onewindow/modularityfixture/owner"));
        Files.writeString(owner.resolve("package-info.java"), """
                /** The ledger and its balance. */
                package org.onewindow.modularityfixture.owner;
                """);
        Path intruder = Files.createDirectories(sources.resolve("org/onewindow/modularityfixture/intruder"));
        Files.writeString(intruder.resolve("package-info.java"), """
                // a line comment is not a Javadoc: nothing says what this module owns
                package org.onewindow.modularityfixture.intruder;
                """);
        Path map = Files.writeString(project.resolve("architecture.md"), """
                | module | owns |
                | --- | --- |
                | `owner` | the ledger |
                """);

        assertThat(undocumented(fixture, sources, map)).containsExactly(
                "intruder: " + intruder.resolve("package-info.java") + " has no Javadoc saying what the module owns",
                "intruder: not named in " + map + " (write it as `intruder`)");

        Files.delete(intruder.resolve("package-info.java"));
        assertThat(undocumented(fixture, sources, map)).containsExactly(
                "intruder: no package-info.java in " + intruder,
                "intruder: not named in " + map + " (write it as `intruder`)");
    }

    /**
     * What the modules lack of their documentation, one line per gap: a package-info.java in the
     * module's base package whose Javadoc (before the package declaration) is not empty, and the
     * module's identifier written as code ({@code `casework.office`}) in the architecture map.
     * Read from the source files, because Javadoc does not reach the class files.
     */
    static List<String> undocumented(ApplicationModules modules, Path sources, Path architecture) throws IOException {
        String map = Files.isRegularFile(architecture) ? Files.readString(architecture) : "";
        List<String> gaps = new ArrayList<>();
        for (ApplicationModule module : modules) {
            String id = module.getIdentifier().toString();
            Path directory = sources.resolve(module.getBasePackage().getName().replace('.', '/'));
            Path packageInfo = directory.resolve("package-info.java");
            if (!Files.isRegularFile(packageInfo)) {
                gaps.add(id + ": no package-info.java in " + directory);
            } else if (javadocBeforePackage(Files.readString(packageInfo)).isEmpty()) {
                gaps.add(id + ": " + packageInfo + " has no Javadoc saying what the module owns");
            }
            if (!map.contains("`" + id + "`")) {
                gaps.add(id + ": not named in " + architecture + " (write it as `" + id + "`)");
            }
        }
        return gaps;
    }

    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s", Pattern.MULTILINE);

    /** The text of the Javadoc comment that precedes the package declaration, without its stars; empty when there is none. */
    static String javadocBeforePackage(String source) {
        Matcher declaration = PACKAGE.matcher(source);
        int end = declaration.find() ? declaration.start() : source.length();
        Matcher javadoc = JAVADOC.matcher(source).region(0, end);
        if (!javadoc.find()) {
            return "";
        }
        return javadoc.group(1).replaceAll("(?m)^\\s*\\*", " ").strip();
    }
}
