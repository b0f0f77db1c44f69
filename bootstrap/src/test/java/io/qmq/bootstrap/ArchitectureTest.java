package io.qmq.bootstrap;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.BE_ANNOTATED_WITH_AN_INJECTION_ANNOTATION;
import static com.tngtech.archunit.library.GeneralCodingRules.USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/** The house rules of STYLE.md, checked over every production class of every module. */
@AnalyzeClasses(packages = "io.qmq", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String GENERATED_SQL_SCHEMA = "io.qmq.adapters.sqlstore.schema..";

    @ArchTest
    static final ArchRule domain_is_plain_java = classes()
            .that().resideInAPackage("io.qmq.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.qmq.domain..", "java..")
            .because("the domain must build and test without libraries");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain = classes()
            .that().resideInAPackage("io.qmq.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.qmq.application..", "io.qmq.domain..", "java..")
            .because("use cases are plain Java; technology enters only through ports implemented by adapters");

    @ArchTest
    static final ArchRule adapters_are_independent = slices()
            .matching("io.qmq.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("adapters meet only at ports, so any one of them can be replaced or left out");

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = noClasses()
            .that().resideOutsideOfPackage("io.qmq.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("io.qmq.bootstrap..")
            .because("bootstrap is the outermost ring: it wires everything and nothing may reach back into it");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("io.qmq.(**)")
            .should().beFreeOfCycles()
            // jOOQ's generated tables, records and keys refer to each other by design; they are generated
            // from the migrations, never edited, so only their links to hand-written code count
            .ignoreDependency(resideInAPackage(GENERATED_SQL_SCHEMA), resideInAPackage(GENERATED_SQL_SCHEMA))
            .because("cycles between packages make modules impossible to understand or split");

    @ArchTest
    static final ArchRule no_stdout_jul_field_injection_or_generic_exceptions = CompositeArchRule
            .of(noClasses().should(ACCESS_STANDARD_STREAMS)
                    .orShould(USE_JAVA_UTIL_LOGGING)
                    .orShould(THROW_GENERIC_EXCEPTIONS))
            .and(noFields().should(BE_ANNOTATED_WITH_AN_INJECTION_ANNOTATION))
            .because("output goes through SLF4J or picocli, dependencies through constructors, "
                    + "and errors carry a specific type with context");

    @ArchTest
    static final ArchRule client_needs_only_codec_domain_and_netty = classes()
            .that().resideInAPackage("io.qmq.adapters.netty.client..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.qmq.adapters.netty.client..", "io.qmq.adapters.netty.codec..", "io.qmq.domain..",
                    "io.netty..", "org.slf4j..", "java..")
            .because("the Java client ships apart from the broker: it may share the codec and the domain, "
                    + "never the use cases or the server's handlers");
}
