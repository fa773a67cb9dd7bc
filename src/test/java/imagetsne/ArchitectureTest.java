package imagetsne;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md, checked on the compiled classes (not by habit): the engine and the
 * command line import no Processing and no windowing, the sketch uses t-SNE only through its public face,
 * the widget layer knows nothing of the app, and no two packages depend on each other.
 */
class ArchitectureTest {
    static final JavaClasses APP = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("imagetsne");
    static final String[] ENGINE = {"imagetsne.analysis..", "imagetsne.cli..", "imagetsne.features..", "imagetsne.grid..",
            "imagetsne.io..", "imagetsne.layout..", "imagetsne.poster..", "imagetsne.reduce..", "imagetsne.source.."};

    @Test void theEngineImportsNoProcessingAndNoWindows() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("processing..", "javax.swing..", "java.awt.event..", "com.jogamp..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.awt.Frame")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.awt.Window")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.awt.Component")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.awt.Toolkit")
                .orShould().dependOnClassesThat().resideInAnyPackage("imagetsne.sketch..", "imagetsne.render..", "imagetsne.ui..")
                .check(APP);
    }

    @Test void theSketchUsesTsneOnlyThroughItsSettingsAndResult() {
        noClasses().that().resideInAnyPackage("imagetsne.sketch..", "imagetsne.render..", "imagetsne.ui..")
                .should().dependOnClassesThat(resideInAPackage("imagetsne.reduce.tsne")
                        .and(not(simpleName("TsneOptions"))).and(not(simpleName("TsneResult"))))
                .check(APP);
    }

    @Test void theWidgetsKnowNothingOfTheApp() {
        noClasses().that().resideInAPackage("imagetsne.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("imagetsne.sketch..", "imagetsne.render..", "imagetsne.analysis..",
                        "imagetsne.features..", "imagetsne.reduce..", "imagetsne.layout..")
                .check(APP);
    }

    @Test void noPackageCycles() {
        slices().matching("imagetsne.(**)").should().beFreeOfCycles().check(APP);
    }
}
