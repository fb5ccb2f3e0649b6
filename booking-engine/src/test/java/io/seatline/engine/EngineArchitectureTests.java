package io.seatline.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The engine's shape, as STYLE.md states it. */
class EngineArchitectureTests {

	private static final JavaClasses ENGINE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.seatline.engine");

	@Test
	void theEngineDependsOnNoHost() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.seatline.functions..", "io.seatline.runner..", "io.seatline.shell..",
					"org.springframework.web..", "org.springframework.shell..", "org.springframework.cloud.function..")
			.check(ENGINE);
	}

	@Test
	void featuresHaveNoCycles() {
		slices().matching("io.seatline.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
	}

	@Test
	void oneSchedulerServesEveryFeature() {
		// features contribute tasks (ScheduledWork) and schedule through Jobs; only the jobs package builds db-scheduler
		noClasses().that()
			.resideOutsideOfPackage("io.seatline.engine.jobs..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("com.github.kagkarlsson.scheduler.Scheduler")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("com.github.kagkarlsson.scheduler.SchedulerBuilder")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("com.github.kagkarlsson.scheduler.SchedulerClient$Builder")
			.check(ENGINE);
	}

	@Test
	void entitiesAndRepositoriesStayInsideTheirFeature() {
		classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(ENGINE);
		classes().that().areAssignableTo(Repository.class).should().notBePublic().check(ENGINE);
	}
}
