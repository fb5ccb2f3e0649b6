package io.seatline.shell;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The shell is a client of the functions: it never reaches past them into the engine's persistence. */
class ShellArchitectureTests {

	private static final JavaClasses SHELL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		// the code Spring AOT generates at build time (SeatlineShell__BeanFactoryRegistrations and such) registers
		// every bean of the context, the engine's transaction advice included: it is Spring's, not the shell's
		.withImportOption((location) -> !location.contains("__"))
		.importPackages("io.seatline.shell");

	@Test
	void theRulesSeeTheShellsClasses() {
		assertThat(SHELL.contain(CommandRunner.class)).isTrue();
	}

	@Test
	void shellClassesDependOnNoEntity() {
		noClasses().should()
			.dependOnClassesThat(describe("an @Entity", (type) -> type.isAnnotatedWith(Entity.class)))
			.check(SHELL);
	}

	@Test
	void shellClassesDependOnNoRepository() {
		noClasses().should().dependOnClassesThat().areAssignableTo(Repository.class).check(SHELL);
	}

	@Test
	void shellClassesUseNoTransactions() {
		noClasses().should()
			.beAnnotatedWith(Transactional.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(Transactional.class)
			.check(SHELL);
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.transaction..").check(SHELL);
	}

	@Test
	void theOneShotInvokeOverHttpUsesNoSpring() {
		// invoke --url runs before any Spring context; a Spring type here would open Spring's jars and slow its start
		noClasses().that()
			.belongToAnyOf(ShellMain.class, RemoteInvoke.class)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "tools.jackson.databind..")
			.check(SHELL);
	}
}
