package dev.rebaser.gobuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.gobuild.MakefileReading.OtherShape;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A Makefile of another shape is reported with what differs and on which line. */
class ImageMakefileOtherShapesTest {

	static Stream<Arguments> fixtures() {
		return Stream.of(
				Arguments.of("no-srcs.mk", "the Makefile does not set SRCS, the Go programs image-util.sh builds", 0),
				Arguments.of("no-bin.mk", "the Makefile has no bin target", 0),
				Arguments.of("other-recipe.mk",
						"the bin target runs 'go build -o tool .', where the convention is '../image-util.sh bin $(SRCS)' alone",
						4),
				Arguments.of("empty-recipe.mk", "the bin target has no recipe", 2),
				Arguments.of("dot-dot.mk", "the SRC '../escape' climbs out of the image folder with '..'", 2),
				Arguments.of("absolute.mk", "the SRC '/usr/bin/tool' is an absolute path", 1),
				Arguments.of("metacharacter.mk", "the SRC 'tool;rm' contains the shell metacharacter ';'", 1),
				Arguments.of("shell.mk", "SRCS is computed by $(shell ls -d */), which the reader does not run", 2),
				Arguments.of("undefined.mk", "SRCS refers to EXTRA, which the Makefile does not define", 2),
				Arguments.of("conditional.mk", "the Makefile uses ifeq, which the reader does not evaluate", 2),
				Arguments.of("bin-prerequisite.mk", "bin depends on generate, which image-util.sh does not build", 2),
				Arguments.of("two-commands.mk",
						"the bin target runs 'cp tool $(TARGET)/extra', where the convention is '../image-util.sh bin $(SRCS)' alone",
						4));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void fixture(String fixture, String reason, int line) {
		assertThat(ImageMakefile.read(Fixtures.load("other/" + fixture))).isEqualTo(new OtherShape(reason, line));
	}

	private static final String BIN = "bin:\n\t../image-util.sh bin $(SRCS)\n";

	@Test
	void aVariableSetByAShellCommand() {
		assertThat(ImageMakefile.read("NAMES != ls\nSRCS = $(NAMES)\n" + BIN)).isEqualTo(new OtherShape(
				"SRCS refers to NAMES, whose value the reader cannot know: NAMES is set by a shell command (!=), which the reader does not run",
				2));
	}

	@Test
	void aSimplyExpandedVariableComputedByTheShell() {
		assertThat(ImageMakefile.read("DIR := $(notdir $(shell pwd))\nSRCS = $(DIR)\n" + BIN)).isEqualTo(new OtherShape(
				"SRCS refers to DIR, whose value the reader cannot know: DIR calls the make function notdir, which the reader does not evaluate",
				2));
	}

	@Test
	void aFunctionOrASubstitutionInSrcs() {
		assertThat(ImageMakefile.read("SRCS = $(wildcard cmd/*)\n" + BIN))
			.isEqualTo(new OtherShape("SRCS calls the make function wildcard, which the reader does not evaluate", 1));
		assertThat(ImageMakefile.read("A = x.go\nSRCS = $(A:.go=)\n" + BIN))
			.isEqualTo(new OtherShape("SRCS uses the substitution reference $(A:.go=)", 2));
		assertThat(ImageMakefile.read("SRCS = $($(WHICH))\n" + BIN))
			.isEqualTo(new OtherShape("SRCS uses the computed variable name $($(WHICH))", 1));
	}

	@Test
	void aVariableReferringToItself() {
		assertThat(ImageMakefile.read("A = $(B)\nB = $(A)\nSRCS = $(A)\n" + BIN))
			.isEqualTo(new OtherShape("the variable A refers to itself", 3));
	}

	@Test
	void emptySrcsAndAnUnterminatedReference() {
		assertThat(ImageMakefile.read("SRCS =\n" + BIN)).isEqualTo(new OtherShape("SRCS is empty", 1));
		assertThat(ImageMakefile.read("SRCS = $(A\n" + BIN))
			.isEqualTo(new OtherShape("SRCS has an unterminated variable reference", 1));
	}

	@Test
	void aComputedSrcsGivenToTheFlagsOrThePin() {
		assertThat(ImageMakefile.read("SRCS = a\nLD_FLAGS = $(shell git describe)\n" + BIN)).isEqualTo(
				new OtherShape("LD_FLAGS is computed by $(shell git describe), which the reader does not run", 2));
	}

	@Test
	void srcsStartingWithADashOrUnclean() {
		assertThat(ImageMakefile.read("SRCS = -toolexec\n" + BIN))
			.isEqualTo(new OtherShape("the SRC '-toolexec' starts with '-', which go build would take for a flag", 1));
		assertThat(ImageMakefile.read("SRCS = a//b\n" + BIN))
			.isEqualTo(new OtherShape("the SRC 'a//b' is not a clean relative path", 1));
		assertThat(ImageMakefile.read("SRCS = \u00e9t\u00e9\n" + BIN)).isEqualTo(new OtherShape(
				"the SRC '\u00e9t\u00e9' contains '\u00e9', which is not a letter, digit, '.', '_', '+', '-' or '/'",
				1));
	}

	@Test
	void aLineThatIsNeitherAssignmentNorRule() {
		assertThat(ImageMakefile.read("SRCS = a\n$(info hello)\n" + BIN))
			.isEqualTo(new OtherShape("the line is neither a variable assignment nor a rule: $(info hello)", 2));
	}

	@Test
	void aFileTooLarge() {
		String huge = "# " + "x".repeat(ImageMakefile.MAX_CHARS) + "\n";

		assertThat(ImageMakefile.read(huge)).isEqualTo(new OtherShape(
				"the Makefile is longer than " + ImageMakefile.MAX_CHARS + " characters; no image Makefile is", 0));
	}

	@Test
	void tooManyPrograms() {
		String srcs = "SRCS = " + "a ".repeat(ImageMakefile.MAX_SRCS + 1) + "\n";

		assertThat(ImageMakefile.read(srcs + BIN))
			.isEqualTo(new OtherShape("SRCS lists more than " + ImageMakefile.MAX_SRCS + " programs", 1));
	}

	@Test
	void referencesThatDoubleAtEachLevelStopAtTheLimit() {
		StringBuilder makefile = new StringBuilder("V0 = xxxxxxxxxxxxxxxx\n");
		for (int i = 1; i <= 40; i++) {
			makefile.append("V").append(i).append(" := $(V").append(i - 1).append(")$(V").append(i - 1).append(")\n");
		}
		makefile.append("SRCS = $(V40)\n").append(BIN);

		assertThat(ImageMakefile.read(makefile.toString())).isInstanceOfSatisfying(OtherShape.class, shape -> {
			assertThat(shape.reason()).isEqualTo(
					"expanding the Makefile's variables takes more than 4194304 steps; no image Makefile needs that many");
			assertThat(shape.line()).isEqualTo(42);
		});
	}

	@Test
	void recursiveReferencesAreExpandedOncePerVariable() {
		StringBuilder makefile = new StringBuilder("V0 =\n");
		for (int i = 1; i <= 60; i++) {
			makefile.append("V").append(i).append(" = $(V").append(i - 1).append(")$(V").append(i - 1).append(")\n");
		}
		makefile.append("SRCS = tool $(V60)\n").append(BIN);

		assertThat(ImageMakefile.read(makefile.toString())).isInstanceOf(MakefileReading.GoBinaries.class);
	}

	@Test
	void nullIsAnEmptyMakefile() {
		assertThat(ImageMakefile.read(null))
			.isEqualTo(new OtherShape("the Makefile does not set SRCS, the Go programs image-util.sh builds", 0));
	}

	@Test
	void anAppendTheReaderCannotKnowIsReportedOnItsLine() {
		assertThat(ImageMakefile.read("SRCS := a\nSRCS += $(shell ls)\n" + BIN))
			.isEqualTo(new OtherShape("SRCS is computed by $(shell ls), which the reader does not run", 2));
	}

}
