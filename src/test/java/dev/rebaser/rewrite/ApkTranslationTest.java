package dev.rebaser.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.rules.RuleSet;
import org.junit.jupiter.api.Test;

/** One apk command at a time, in the second line of a Dockerfile on Alpine. */
class ApkTranslationTest {

	private static final RuleSet RULES = RewriteGoldenTest.RULES;

	private static final String APT = "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends";

	private static final String CLEAN = " && rm -rf /var/lib/apt/lists/*";

	private static RewriteResult rewrite(String run, RewriteOptions options) {
		return new Rewriter(RULES).rewrite("FROM alpine:3.19\nRUN " + run + "\n", options);
	}

	private static String run(String run) {
		return runOf(rewrite(run, RewriteOptions.defaults(RULES)));
	}

	private static String runOf(RewriteResult result) {
		String text = result.dockerfile();
		int start = text.lastIndexOf("\nRUN ") + 5;
		return text.substring(start, text.length() - 1);
	}

	private static RewriteOptions fedora() {
		return RewriteOptions.defaults(RULES).withTarget(RULES.target("fedora-40", "amd64").orElseThrow());
	}

	@Test
	void addFetchesTheIndexFirstAndRemovesTheListsAtTheEnd() {
		assertThat(run("apk add --no-cache bash")).isEqualTo("apt-get update && " + APT + " bash" + CLEAN);
	}

	@Test
	void anExplicitUpdateIsNotRepeated() {
		assertThat(run("apk update && apk add bash && apk add make"))
			.isEqualTo("apt-get update && " + APT + " bash && " + APT + " make" + CLEAN);
	}

	@Test
	void optionsBeforeAndAfterTheAppletAndBetweenPackagesAreDropped() {
		assertThat(run("apk --no-cache add -q bash --no-progress make -U"))
			.isEqualTo("apt-get update && " + APT + " bash make" + CLEAN);
	}

	@Test
	void packagesAreRenamedAndDuplicatesAfterMappingAppearOnce() {
		assertThat(run("apk add --no-cache build-base binutils binutils-gold"))
			.isEqualTo("apt-get update && " + APT + " build-essential binutils" + CLEAN);
	}

	@Test
	void versionConstraintsAndTagsAreDroppedWithAWarning() {
		RewriteResult result = rewrite("apk add 'make=4.4-r1' bash@edge", RewriteOptions.defaults(RULES));
		assertThat(runOf(result)).isEqualTo("apt-get update && " + APT + " make bash" + CLEAN);
		assertThat(result.warnings()).extracting(RewriteWarning::code)
			.containsExactly("version-pin-dropped", "apk-repository");
	}

	@Test
	void anUnmappedPackageIsLeftOutWithAWarningNamingIt() {
		RewriteResult result = rewrite("apk add bash no-such-alpine-package", RewriteOptions.defaults(RULES));
		assertThat(runOf(result)).isEqualTo("apt-get update && " + APT + " bash" + CLEAN);
		assertThat(result.warnings()).singleElement().satisfies(w -> {
			assertThat(w.code()).isEqualTo("unmapped-package");
			assertThat(w.message()).contains("no-such-alpine-package");
			assertThat(w.line()).isEqualTo(2);
		});
	}

	@Test
	void aLocalApkFileIsNotAPackageName() {
		RewriteResult result = rewrite("apk add --allow-untrusted /tmp/tool.apk bash", RewriteOptions.defaults(RULES));
		assertThat(runOf(result)).isEqualTo("apt-get update && " + APT + " bash" + CLEAN);
		assertThat(result.warnings()).extracting(RewriteWarning::code).containsExactly("unmapped-package");
	}

	@Test
	void unknownOptionsAreReported() {
		RewriteResult result = rewrite("apk add --frobnicate bash", RewriteOptions.defaults(RULES));
		assertThat(result.warnings()).extracting(RewriteWarning::code).containsExactly("apk-option-dropped");
	}

	@Test
	void onlyPackagesThatNeedNothingGiveTrue() {
		assertThat(run("apk add --no-cache musl-dev libc6-compat")).isEqualTo("true");
	}

	@Test
	void deletingAVirtualGroupRemovesWhatOnlyTheGroupInstalled() {
		assertThat(run("apk add make && apk add -t .b make gcc && apk del .b")).isEqualTo("apt-get update && " + APT
				+ " make && " + APT + " make gcc" + " && apt-mark auto gcc && apt-get autoremove -y --purge" + CLEAN);
	}

	@Test
	void virtualGroupsAreRememberedAcrossRunsOfAStage() {
		String text = new Rewriter(RULES)
			.rewrite("FROM alpine:3.19\nRUN apk add --virtual=.deps gcc\nRUN apk del .deps\n",
					RewriteOptions.defaults(RULES))
			.dockerfile();
		assertThat(text).endsWith("\nRUN apt-mark auto gcc && apt-get autoremove -y --purge\n");
	}

	@Test
	void deletingAnUnknownGroupWarns() {
		RewriteResult result = rewrite("apk del .nothing", RewriteOptions.defaults(RULES));
		assertThat(runOf(result)).isEqualTo("true");
		assertThat(result.warnings()).extracting(RewriteWarning::code).containsExactly("unknown-virtual-group");
	}

	@Test
	void upgradeInfoAndCache() {
		assertThat(run("apk upgrade --available"))
			.isEqualTo("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y" + CLEAN);
		assertThat(run("apk info -e bash")).isEqualTo("dpkg-query -W -f='${Package}\\n' bash");
		assertThat(run("apk info")).isEqualTo("dpkg-query -W -f='${Package}\\n'");
		assertThat(run("apk add bash && apk cache clean"))
			.isEqualTo("apt-get update && " + APT + " bash && rm -rf /var/lib/apt/lists/*");
		assertThat(run("apk add bash && rm -rf /var/cache/apk/*"))
			.isEqualTo("apt-get update && " + APT + " bash && rm -rf /var/lib/apt/lists/*");
	}

	@Test
	void anApkAppletWithoutTranslationStaysAndWarns() {
		RewriteResult result = rewrite("apk fix", RewriteOptions.defaults(RULES));
		assertThat(runOf(result)).isEqualTo("apk fix");
		assertThat(result.warnings()).extracting(RewriteWarning::code).containsExactly("apk-untranslated");
	}

	@Test
	void anInstallAfterOrIsGroupedSoTheUpdateDoesNotChangeWhatRuns() {
		assertThat(run("command -v bash || apk add bash"))
			.isEqualTo("command -v bash || { apt-get update && " + APT + " bash; }" + CLEAN);
	}

	@Test
	void eachBranchOfAConditionFetchesTheIndex() {
		assertThat(run("if true; then apk add bash; else apk add make; fi"))
			.isEqualTo("if true; then apt-get update && " + APT + " bash; else apt-get update && " + APT + " make; fi"
					+ CLEAN);
	}

	@Test
	void fedoraUsesDnfAndCleansUp() {
		assertThat(runOf(rewrite("apk add --no-cache build-base && apk del build-base", fedora())))
			.isEqualTo("dnf install -y gcc gcc-c++ make binutils patch"
					+ " && dnf mark remove gcc gcc-c++ make binutils patch && dnf autoremove -y && dnf clean all");
	}

	@Test
	void insideShellC() {
		assertThat(run("sh -c 'apk add bash'")).isEqualTo("sh -c 'apt-get update && " + APT + " bash" + CLEAN + "'");
	}

	@Test
	void installsListEveryPackageWithItsLine() {
		RewriteResult result = rewrite("apk add bash build-base", RewriteOptions.defaults(RULES));
		assertThat(result.installs()).containsExactly(new InstalledPackage(2, "bash"),
				new InstalledPackage(2, "build-essential"));
	}

	@Test
	void availabilityAddsAWarningPerMissingPackage() {
		RewriteResult result = rewrite("apk add bash build-base", RewriteOptions.defaults(RULES))
			.withAvailability(name -> !name.equals("build-essential"), "bookworm/mips64el");
		assertThat(result.warnings()).singleElement().satisfies(w -> {
			assertThat(w.code()).isEqualTo("package-unavailable");
			assertThat(w.message()).contains("build-essential").contains("bookworm/mips64el");
		});
	}

	@Test
	void strictModeRefusesWarnings() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> rewrite("apk add no-such-alpine-package", RewriteOptions.defaults(RULES).withStrict(true)))
			.isInstanceOf(StrictModeException.class);
	}

}
