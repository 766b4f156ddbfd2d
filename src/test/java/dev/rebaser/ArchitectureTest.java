package dev.rebaser;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering DESIGN.md describes: a plain-Java core that the web layer and the build
 * feature are thin shells around. A broken rule names the class and what it uses.
 */
@AnalyzeClasses(packages = "dev.rebaser", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String[] CORE = { "dev.rebaser.dockerfile..", "dev.rebaser.manifest..", "dev.rebaser.rules..",
			"dev.rebaser.rewrite..", "dev.rebaser.packages..", "dev.rebaser.catalog..", "dev.rebaser.context..",
			"dev.rebaser.diff..", "dev.rebaser.budget..", "dev.rebaser.text..", "dev.rebaser.gobuild.." };

	@ArchTest
	static final ArchRule coreUsesNoFramework = noClasses().that()
		.resideInAnyPackage(CORE)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta..", "com.github.dockerjava..")
		.because("the core is plain Java, fast and testable without a container or a daemon");

	@ArchTest
	static final ArchRule dockerfileStandsAlone = standsAlone("dev.rebaser.dockerfile");

	@ArchTest
	static final ArchRule manifestStandsAlone = standsAlone("dev.rebaser.manifest");

	@ArchTest
	static final ArchRule diffStandsAlone = standsAlone("dev.rebaser.diff");

	@ArchTest
	static final ArchRule budgetStandsAlone = standsAlone("dev.rebaser.budget");

	@ArchTest
	static final ArchRule textStandsAlone = standsAlone("dev.rebaser.text");

	@ArchTest
	static final ArchRule gobuildStandsAlone = noClasses().that()
		.resideInAPackage("dev.rebaser.gobuild..")
		.should()
		.dependOnClassesThat(resideInAPackage("dev.rebaser..").and(resideOutsideOfPackage("dev.rebaser.gobuild.."))
			.and(resideOutsideOfPackage("dev.rebaser.rules.."))
			.and(resideOutsideOfPackage("dev.rebaser.budget.."))
			.and(resideOutsideOfPackage("dev.rebaser.text..")))
		.because("dev.rebaser.gobuild is read and tested on its own, with the architecture names of the rules "
				+ "(the processor-time budget and strict UTF-8 aside)");

	@ArchTest
	static final ArchRule nothingDependsOnTheWeb = noClasses().that()
		.resideOutsideOfPackage("dev.rebaser.web..")
		.and()
		.doNotHaveFullyQualifiedName(RebaserApplication.class.getName())
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.rebaser.web..")
		.because("the web layer is an edge: services live in their features");

	@ArchTest
	static final ArchRule theApiKnowsNoPage = noClasses().that()
		.resideInAPackage("dev.rebaser.web.api..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.rebaser.web.page..")
		.because("the REST API answers machines and stands without the dashboard");

	@ArchTest
	static final ArchRule controllersTalkToNoDaemon = noClasses().that()
		.resideInAPackage("dev.rebaser.web..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.github.dockerjava..")
		.because("what a request asks of a Docker daemon is a service of build, which the controllers call");

	@ArchTest
	static final ArchRule buildRoomsKnowNoScheduler = noClasses().that()
		.resideInAnyPackage("dev.rebaser.build.queue..", "dev.rebaser.build.docker..", "dev.rebaser.build.base..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.rebaser.build")
		.because("the queue, the daemon client and the base images are parts the scheduler puts together");

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("dev.rebaser.(**)").should().beFreeOfCycles();

	private static ArchRule standsAlone(String packageName) {
		return noClasses().that()
			.resideInAPackage(packageName + "..")
			.should()
			.dependOnClassesThat(resideInAPackage("dev.rebaser..").and(resideOutsideOfPackage(packageName + ".."))
				.and(resideOutsideOfPackage("dev.rebaser.budget.."))
				.and(resideOutsideOfPackage("dev.rebaser.text..")))
			.because(packageName + " is read and tested on its own (the processor-time budget and strict UTF-8 aside)");
	}

}
