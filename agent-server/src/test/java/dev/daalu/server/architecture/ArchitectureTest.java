package dev.daalu.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering the code relies on: a host-neutral core, and one place that builds HTTP clients for model calls. */
class ArchitectureTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.daalu.server");

    @Test
    void theCoreKnowsNothingOfJsonRpcOrTheTerminal() {
        noClasses().that().resideInAnyPackage("..server.agent..", "..server.tool..", "..server.model..",
                        "..server.approval..", "..server.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.lsp4j..", "org.jline..",
                        "..server.rpc..", "..server.repl..", "..server.cli..")
                .check(PRODUCT);
    }

    @Test
    void onlyRoutingBuildsHttpClientsSoEveryModelCallPassesThePerimeter() {
        noClasses().that().resideOutsideOfPackage("..server.routing..")
                .should().callConstructor(OkHttpClient.class)
                .orShould().callConstructor(OkHttpClient.Builder.class)
                .orShould().callMethod(OkHttpClient.class, "newBuilder")
                .check(PRODUCT);
    }

    @Test
    void theWireContractDependsOnNothingButItself() {
        noClasses().that().resideInAPackage("..server.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("..server.agent..", "..server.tool..",
                        "..server.model..", "..server.rpc..", "..server.runtime..")
                .check(PRODUCT);
    }
}
