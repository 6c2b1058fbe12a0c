package dev.patchbay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@AnalyzeClasses(packages = "dev.patchbay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    // Controllers are thin adapters: they call services, never SQL.
    @ArchTest
    static final ArchRule controllersDoNotUseRepositories = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .orShould().dependOnClassesThat().haveSimpleName("JdbcClient");

    // A feature's controllers and repositories are its private insides.
    @ArchTest
    static final ArchRule controllersAndRepositoriesAreNotPublic = classes().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(Repository.class).should().notBePublic();

    // One error translator: web/ builds every error body.
    @ArchTest
    static final ArchRule onlyWebTranslatesExceptions = classes().that().areAnnotatedWith(RestControllerAdvice.class)
            .should().resideInAPackage("dev.patchbay.web");

    // Shared mechanisms do not know the features that use them.
    @ArchTest
    static final ArchRule sharedMechanismsDoNotDependOnFeatures = noClasses()
            .that().resideInAnyPackage("dev.patchbay.web..", "dev.patchbay.query..", "dev.patchbay.secret..", "dev.patchbay.time..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.patchbay.connector..", "dev.patchbay.catalog..",
                    "dev.patchbay.auth..", "dev.patchbay.flow..", "dev.patchbay.pool..", "dev.patchbay.certificate..",
                    "dev.patchbay.demo..");

    // The API's connectors are the top of the graph; only the first-start demo and the dashboard use them, through their facade.
    @ArchTest
    static final ArchRule nothingDependsOnConnectorInternals = noClasses()
            .that().resideOutsideOfPackages("dev.patchbay.connector..", "dev.patchbay.demo..", "dev.patchbay.dashboard..")
            .should().dependOnClassesThat().resideInAPackage("dev.patchbay.connector..");

    @ArchTest
    static final ArchRule demoUsesOnlyTheConnectorFacade = noClasses()
            .that().resideInAnyPackage("dev.patchbay.demo..", "dev.patchbay.dashboard..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.patchbay.connector..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("Connectors"))));

    // The dashboard is an adapter like the API's controllers: no SQL and no repository of its own.
    @ArchTest
    static final ArchRule dashboardHoldsNoSql = noClasses().that().resideInAPackage("dev.patchbay.dashboard..")
            .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .orShould().dependOnClassesThat().haveSimpleName("JdbcClient");

    // Every call to a third-party system goes through outbound's guarded clients (the SSRF rule lives in their resolver).
    @ArchTest
    static final ArchRule onlyOutboundUsesTheHttpClient = noClasses().that().resideOutsideOfPackage("dev.patchbay.outbound..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.hc..");
}
