package io.seatline.runner;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/** The module rules of STYLE.md, checked over every module on the runner's classpath. */
class ArchitectureTests {

	private static final JavaClasses SEATLINE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		// the code Spring AOT generates at build time (SeatlineRunner__BeanFactoryRegistrations and such) registers
		// every bean of the context: it is Spring's, not the modules'
		.withImportOption((location) -> !location.contains("__"))
		.importPackages("io.seatline");

	private static final String[] HOSTS = { "io.seatline.functions..", "io.seatline.runner..", "io.seatline.shell.." };

	@Test
	void theEngineDependsOnNoHost() {
		noClasses().that()
			.resideInAPackage("io.seatline.engine..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(HOSTS)
			.check(SEATLINE);
	}

	@Test
	void hostsTouchNoRepositoryOrEntity() {
		noClasses().that()
			.resideInAnyPackage(HOSTS)
			.should()
			.dependOnClassesThat()
			.areAssignableTo(Repository.class)
			.orShould()
			.dependOnClassesThat()
			.areAnnotatedWith(Entity.class)
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("jakarta.persistence..")
			.check(SEATLINE);
	}

	@Test
	void transactionsAreOnlyInTheEngine() {
		noClasses().that()
			.resideInAnyPackage(HOSTS)
			.should()
			.beAnnotatedWith(Transactional.class)
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.transaction..")
			.check(SEATLINE);
		noMethods().that()
			.areDeclaredInClassesThat()
			.resideInAnyPackage(HOSTS)
			.should()
			.beAnnotatedWith(Transactional.class)
			.check(SEATLINE);
	}

	@Test
	void functionsDependOnNoOtherHost() {
		noClasses().that()
			.resideInAPackage("io.seatline.functions..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.seatline.runner..", "io.seatline.shell..")
			.check(SEATLINE);
	}
}
