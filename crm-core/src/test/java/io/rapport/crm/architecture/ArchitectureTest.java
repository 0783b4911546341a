package io.rapport.crm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps crm-core a pure domain: no infrastructure, no clock, no randomness, no package cycles. */
class ArchitectureTest {

  static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.rapport.crm");
  }

  @Test
  void dependsOnlyOnTheJdkAndTheNamedLibraries() {
    ArchRule rule = classes().that().resideInAPackage("io.rapport.crm..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "io.rapport.crm..", "java..", "io.vavr..", "org.hipparchus..",
            "com.google.i18n.phonenumbers..", "org.immutables.value..", "org.jspecify..");
    rule.check(core);
  }

  @Test
  void doesNoIoAndNoStorage() {
    noClasses().that().resideInAPackage("io.rapport.crm..")
        .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
            "java.sql..", "javax.sql..", "com.fasterxml..", "java.util.logging..", "java.lang.reflect..")
        .check(core);
  }

  @Test
  void neverReadsTheClockOrRandomness() {
    noClasses().that().resideInAPackage("io.rapport.crm..")
        .should().callMethod(Instant.class, "now")
        .orShould().callMethod(LocalDate.class, "now")
        .orShould().callMethod(LocalDateTime.class, "now")
        .orShould().callMethod(LocalTime.class, "now")
        .orShould().callMethod(ZonedDateTime.class, "now")
        .orShould().callMethod(Clock.class, "systemUTC")
        .orShould().callMethod(Clock.class, "systemDefaultZone")
        .orShould().callMethod(UUID.class, "randomUUID")
        .orShould().callMethod(Math.class, "random")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callConstructor(Random.class)
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
        .check(core);
  }

  @Test
  void hasNoPackageCycles() {
    slices().matching("io.rapport.crm.(*)..").should().beFreeOfCycles().check(core);
  }
}
