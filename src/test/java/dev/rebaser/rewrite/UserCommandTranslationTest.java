package dev.rebaser.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.dockerfile.ShellScript;
import dev.rebaser.rules.Distro;
import dev.rebaser.rules.RuleSet;
import org.junit.jupiter.api.Test;

/**
 * BusyBox user and group commands read as BusyBox reads them, written as the rules say.
 */
class UserCommandTranslationTest {

	private static final RuleSet RULES = RewriteGoldenTest.RULES;

	private static UserCommandTranslator.Result translate(String command, Distro distro) {
		var words = ShellScript.parse(command).commands().get(0).words();
		return UserCommandTranslator.translate(words, RULES.userCommand(words.get(0).literal()).orElseThrow(), distro);
	}

	private static String debian(String command) {
		UserCommandTranslator.Result result = translate(command, Distro.DEBIAN);
		assertThat(result.problem()).isNull();
		return String.join(" ", result.words());
	}

	@Test
	void aNormalUserGetsAHomeAndAGroupOfItsOwn() {
		assertThat(debian("adduser -D app")).isEqualTo("useradd --create-home --user-group app");
	}

	@Test
	void aSystemUserGetsNogroupAndNoLoginShell() {
		assertThat(debian("adduser -S app"))
			.isEqualTo("useradd --system --create-home --gid nogroup --shell /bin/false app");
	}

	@Test
	void bundledFlagsAndAttachedValuesAreSplit() {
		assertThat(debian("adduser -DHu1000 app")).isEqualTo("useradd --no-create-home --uid 1000 --user-group app");
	}

	@Test
	void longSpellingsWithAndWithoutEquals() {
		assertThat(debian("adduser --disabled-password --home=/srv/app --ingroup web app"))
			.isEqualTo("useradd --home-dir /srv/app --gid web --create-home app");
	}

	@Test
	void valuesKeepTheirQuoting() {
		assertThat(debian("adduser -D -g \"App user\" -s /bin/sh \"$NAME\""))
			.isEqualTo("useradd --comment \"App user\" --shell /bin/sh --create-home --user-group \"$NAME\"");
	}

	@Test
	void twoArgumentsWithoutOptionsAddAMember() {
		assertThat(debian("adduser app wheel")).isEqualTo("usermod --append --groups wheel app");
		assertThat(debian("addgroup app wheel")).isEqualTo("usermod --append --groups wheel app");
	}

	@Test
	void groupsAndDeletions() {
		assertThat(debian("addgroup -S -g 101 web")).isEqualTo("groupadd --system --gid 101 web");
		assertThat(debian("deluser --remove-home app")).isEqualTo("userdel --remove app");
		assertThat(debian("deluser app wheel")).isEqualTo("gpasswd --delete app wheel");
		assertThat(debian("delgroup web")).isEqualTo("groupdel web");
	}

	@Test
	void fedoraHasNobodyInsteadOfNogroup() {
		assertThat(String.join(" ", translate("adduser -S -D app", Distro.FEDORA).words()))
			.isEqualTo("useradd --system --create-home --gid nobody --shell /bin/false app");
	}

	@Test
	void unknownOptionsAndUnknownFormsAreProblems() {
		assertThat(translate("adduser -x app", Distro.DEBIAN).problem()).contains("-x");
		assertThat(translate("adduser -D app wheel", Distro.DEBIAN).problem()).contains("no form");
		assertThat(translate("adduser -u", Distro.DEBIAN).problem()).contains("lacks its value");
	}

	@Test
	void inADockerfileTheChangeNamesTheForm() {
		RewriteResult result = new Rewriter(RULES).rewrite("FROM alpine\nRUN adduser -D app\n",
				RewriteOptions.defaults(RULES));
		assertThat(result.dockerfile())
			.isEqualTo("FROM debian:bookworm-slim\nRUN useradd --create-home --user-group app\n");
		assertThat(result.changes()).extracting(Change::ruleId)
			.containsExactly("base-image:alpine", "user-command:adduser/create");
	}

}
