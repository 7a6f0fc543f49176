package io.dyntables.deploy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The modules say what they are: the two sides never import each other, the shared API
 * and the schema SQL no framework, and the schema SQL neither side.
 */
class ArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.dyntables");

	@Test
	void commandSideNeverImportsQuerySide() {
		noClasses().that()
			.resideInAPackage("io.dyntables.command..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.dyntables.query..")
			.check(this.classes);
	}

	@Test
	void querySideNeverImportsCommandSide() {
		noClasses().that()
			.resideInAPackage("io.dyntables.query..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.dyntables.command..")
			.check(this.classes);
	}

	@Test
	void sharedApiHasNoSpringNoSqlNoWeb() {
		noClasses().that()
			.resideInAPackage("io.dyntables.api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "io.r2dbc..", "reactor..")
			.check(this.classes);
	}

	@Test
	void schemaSqlIsPureAndUsedByBothSides() {
		noClasses().that()
			.resideInAPackage("io.dyntables.sql..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.dyntables.command..", "io.dyntables.query..", "io.dyntables.deploy..",
					"org.springframework..", "org.axonframework..", "java.sql..", "javax.sql..", "io.r2dbc..",
					"reactor..")
			.check(this.classes);
	}

	@Test
	void domainRulesDoNotDependOnSpring() {
		noClasses().that()
			.resideInAPackage("io.dyntables.command.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.check(this.classes);
	}

	/**
	 * Each package is a slice of its own, so a cycle between a module's packages (or
	 * between a package and its parent) fails here.
	 */
	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.dyntables.(**)").should().beFreeOfCycles().check(this.classes);
	}

}
