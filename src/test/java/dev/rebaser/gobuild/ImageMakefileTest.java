package dev.rebaser.gobuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.gobuild.MakefileReading.GoBinaries;
import dev.rebaser.gobuild.MakefileReading.OtherShape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Makefiles that follow Kubernetes' image-util.sh convention, in its forms. */
class ImageMakefileTest {

	private static GoBinaries binaries(String fixture) {
		MakefileReading reading = ImageMakefile.read(Fixtures.load(fixture));
		assertThat(reading).isInstanceOf(GoBinaries.class);
		return (GoBinaries) reading;
	}

	@Test
	void currentForm() {
		GoBinaries read = binaries("current.mk");

		assertThat(read.binaries()).containsExactly(new GoBinary("pinger", ".", "pinger", 2));
		assertThat(read.golangVersion()).isEmpty();
		assertThat(read.ldFlags()).isEmpty();
		assertThat(read.goFlags()).isEmpty();
		assertThat(read.srcsLine()).isEqualTo(2);
	}

	@Test
	void oldFormWithoutSpaces() {
		GoBinaries read = binaries("old-form.mk");

		assertThat(read.binaries()).containsExactly(new GoBinary("echoserver", ".", "echoserver", 1));
		assertThat(read.srcsLine()).isEqualTo(1);
	}

	@Test
	void twoProgramsOneInASubfolderWithAPinAndLinkerFlags() {
		GoBinaries read = binaries("two-srcs.mk");

		assertThat(read.binaries()).containsExactly(new GoBinary("loadgen", ".", "loadgen", 1),
				new GoBinary("stress/stress", "stress", "stress", 1));
		assertThat(read.golangVersion()).contains("1.20.4");
		assertThat(read.ldFlags()).contains("-X main.build=7");
		assertThat(read.goFlags()).isEmpty();
	}

	@Test
	void continuationLinesKeepTheLineOfEachProgram() {
		GoBinaries read = binaries("continuation.mk");

		assertThat(read.binaries()).containsExactly(new GoBinary("first", ".", "first", 2),
				new GoBinary("second/second", "second", "second", 3), new GoBinary("third", ".", "third", 4));
		assertThat(read.goFlags()).contains("-trimpath");
		assertThat(read.srcsLine()).isEqualTo(2);
	}

	@Test
	void referencesToVariablesOfTheFileAreExpanded() {
		GoBinaries read = binaries("variable-reference.mk");

		assertThat(read.binaries()).containsExactly(new GoBinary("webhook", ".", "webhook", 3),
				new GoBinary("webhook-helper/webhook-helper", "webhook-helper", "webhook-helper", 4),
				new GoBinary("extra", ".", "extra", 5));
		assertThat(read.srcsLine()).isEqualTo(3);
	}

	@Test
	void simplyExpandedAssignmentsTakeTheValueOfTheirTime() {
		MakefileReading read = ImageMakefile.read("""
				A = early
				SRCS := $(A)
				A = late
				LATER = $(A)
				SRCS += $(LATER)
				bin:
					../image-util.sh bin $(SRCS)
				""");

		assertThat(read).isEqualTo(
				new GoBinaries(List.of(new GoBinary("early", ".", "early", 2), new GoBinary("late", ".", "late", 5)),
						Optional.empty(), Optional.empty(), Optional.empty(), 2));
	}

	@Test
	void conditionalAssignmentKeepsTheFirstValueAndDollarsAreEscaped() {
		MakefileReading read = ImageMakefile.read("""
				SRCS ?= one
				SRCS ?= two
				GOLANG_VERSION = 1.21.5
				LD_FLAGS = -X 'main.cost=$$5'
				export GOFLAGS = -mod=mod
				bin:
					../image-util.sh   bin   $(SRCS)
				""");

		assertThat(read).isEqualTo(new GoBinaries(List.of(new GoBinary("one", ".", "one", 1)), Optional.of("1.21.5"),
				Optional.of("-X 'main.cost=$5'"), Optional.of("-mod=mod"), 1));
	}

	@Test
	void escapedHashIsNotAComment() {
		MakefileReading read = ImageMakefile.read("SRCS = a\\#b\nbin:\n\t../image-util.sh bin $(SRCS)\n");

		assertThat(read).isEqualTo(new OtherShape("the SRC 'a#b' contains the shell metacharacter '#'", 1));
	}

	@Test
	void windowsLineEndingsAreRead() {
		MakefileReading read = ImageMakefile.read("SRCS = a\r\nbin:\r\n\t../image-util.sh bin $(SRCS)\r\n");

		assertThat(read).isEqualTo(new GoBinaries(List.of(new GoBinary("a", ".", "a", 1)), Optional.empty(),
				Optional.empty(), Optional.empty(), 1));
	}

	@Test
	void aLongListOfAppendsIsReadInFull() {
		StringBuilder makefile = new StringBuilder("SRCS =\n");
		for (int i = 0; i < 5000; i++) {
			makefile.append("SRCS += p").append(i).append('\n');
		}
		makefile.append("bin:\n\t../image-util.sh bin $(SRCS)\n");

		GoBinaries read = (GoBinaries) ImageMakefile.read(makefile.toString());

		assertThat(read.binaries()).hasSize(5000);
		assertThat(read.binaries().get(4999)).isEqualTo(new GoBinary("p4999", ".", "p4999", 5001));
	}

}
