package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StageTest {

	@Test
	void stagesWithAliasesPlatformsAndParents() {
		Dockerfile file = Trees.parseLossless("ARG GO=1.22\nFROM --platform=$BUILDPLATFORM golang:${GO} as Builder\n"
				+ "RUN go build\nFROM alpine:3.19\nCOPY --from=builder /out /\nFROM builder AS test\n" + "FROM 1\n");
		assertThat(file.globalArgs()).extracting(Instruction::arguments).containsExactly("GO=1.22");
		assertThat(file.stages()).hasSize(4);
		Stage builder = file.stages().get(0);
		assertThat(builder.baseImage()).isEqualTo("golang:${GO}");
		assertThat(builder.alias()).isEqualTo("Builder");
		assertThat(builder.platform()).isEqualTo("$BUILDPLATFORM");
		assertThat(builder.parent()).isEmpty();
		assertThat(builder.instructions()).extracting(Instruction::keyword).containsExactly("RUN");
		assertThat(file.stages().get(1).parent()).isEmpty();
		assertThat(file.stages().get(1).alias()).isNull();
		assertThat(file.stages().get(2).parent()).isEqualTo(OptionalInt.of(0));
		assertThat(file.stages().get(3).parent()).isEqualTo(OptionalInt.of(1));
		assertThat(file.stages().get(3).instructions()).isEmpty();
	}

	@Test
	void kubernetesPlaceholders() {
		for (String base : new String[] { "BASEIMAGE", "$BASEIMAGE", "${BASEIMAGE}" }) {
			Stage stage = Trees.parseLossless("ARG BASEIMAGE\nFROM " + base + "\n").stages().get(0);
			assertThat(stage.placeholder()).as(base).isTrue();
		}
		assertThat(Trees.parseLossless("FROM alpine\n").stages().get(0).placeholder()).isFalse();
		assertThat(Trees.parseLossless("FROM $BASEIMAGE_X\n").stages().get(0).placeholder()).isFalse();
	}

	@Test
	void placeholderResolvesFromTheBuildArg() {
		Stage stage = Trees.parseLossless("ARG BASEIMAGE\nFROM $BASEIMAGE\n").stages().get(0);
		assertThat(stage.resolvedBaseImage(Map.of("BASEIMAGE", "debian:bookworm-slim")))
			.isEqualTo("debian:bookworm-slim");
		assertThat(stage.resolvedBaseImage(Map.of())).isEmpty();
	}

	@Test
	void platformArgsNeedNoDeclarationInFromLines() {
		Stage stage = Trees.parseLossless("FROM base-$TARGETARCH:$UNDECLARED\n").stages().get(0);
		assertThat(stage.resolvedBaseImage(Map.of("TARGETARCH", "mips64le", "UNDECLARED", "x")))
			.isEqualTo("base-mips64le:");
	}

	@Test
	void unknownInstructionsStayInTheirStage() {
		Dockerfile file = Trees.parseLossless("FROM $BASEIMAGE\nCROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/\n");
		Instruction cross = file.stages().get(0).instructions().get(0);
		assertThat(cross.keyword()).isEqualTo("CROSS_BUILD_COPY");
		assertThat(cross.isKnown()).isFalse();
		assertThat(cross.arguments()).isEqualTo("qemu-QEMUARCH-static /usr/bin/");
	}

	@Test
	void resolvedBaseImageUsesGlobalDefaultsOverriddenByBuildArgs() {
		Dockerfile file = Trees.parseLossless(
				"ARG REGISTRY=registry.k8s.io\nARG IMAGE=$REGISTRY/e2e\nARG TAG\n" + "FROM ${IMAGE}:$TAG\nARG TAG\n");
		Stage stage = file.stages().get(0);
		assertThat(stage.resolvedBaseImage(Map.of())).isEqualTo("registry.k8s.io/e2e:");
		assertThat(stage.resolvedBaseImage(Map.of("TAG", "1.0"))).isEqualTo("registry.k8s.io/e2e:1.0");
		assertThat(stage.resolvedBaseImage(Map.of("REGISTRY", "local", "TAG", "2"))).isEqualTo("local/e2e:2");
		assertThat(stage.resolvedBaseImage(Map.of("UNDECLARED", "x", "TAG", "3"))).isEqualTo("registry.k8s.io/e2e:3");
	}

	@Test
	void globalArgsAreVisibleInsideAStageOnlyWhenRedeclared() {
		Dockerfile file = Trees.parseLossless("ARG VERSION=1\nARG OTHER=o\nFROM a\nRUN one\nARG VERSION\n"
				+ "RUN two\nARG LOCAL=l-$VERSION\nENV HOME=/root PATH=$HOME/bin\nRUN three\n");
		Stage stage = file.stages().get(0);
		Instruction one = stage.instructions().get(0);
		Instruction two = stage.instructions().get(2);
		Instruction three = stage.instructions().get(5);
		assertThat(stage.variablesAt(stage.from(), Map.of())).containsOnly(entry("VERSION", "1"), entry("OTHER", "o"));
		assertThat(stage.variablesAt(one, Map.of())).isEmpty();
		assertThat(stage.variablesAt(two, Map.of())).containsOnly(entry("VERSION", "1"));
		assertThat(stage.variablesAt(two, Map.of("VERSION", "9"))).containsOnly(entry("VERSION", "9"));
		assertThat(stage.variablesAt(three, Map.of())).containsOnly(entry("VERSION", "1"), entry("LOCAL", "l-1"),
				entry("HOME", "/root"), entry("PATH", "/root/bin"));
		assertThat(stage.variablesAt(three, Map.of("LOCAL", "given"))).containsEntry("LOCAL", "given");
	}

	@Test
	void envWinsOverArgOfTheSameName() {
		Dockerfile file = Trees.parseLossless("FROM a\nENV X=env\nARG X=arg\nRUN r\n");
		Stage stage = file.stages().get(0);
		assertThat(stage.variablesAt(stage.instructions().get(2), Map.of("X", "built")))
			.containsOnly(entry("X", "env"));
	}

	@Test
	void envOldAndNewForms() {
		Dockerfile file = Trees.parseLossless("FROM a\nENV A b c  d\nENV B=1 C=\"2 3\" D=x\\ y\nRUN r\n");
		Stage stage = file.stages().get(0);
		Map<String, String> vars = stage.variablesAt(stage.instructions().get(2), Map.of());
		assertThat(vars).containsEntry("A", "b c  d")
			.containsEntry("B", "1")
			.containsEntry("C", "2 3")
			.containsEntry("D", "x y");
	}

	@Test
	void argWithSeveralNames() {
		Dockerfile file = Trees.parseLossless("ARG A=1 B\nFROM a\nARG A B=2 C\nRUN r\n");
		Stage stage = file.stages().get(0);
		assertThat(stage.variablesAt(stage.instructions().get(1), Map.of())).containsOnly(entry("A", "1"),
				entry("B", "2"));
	}

	@Test
	void instructionsAfterAStageBelongToIt() {
		Dockerfile file = Trees.parseLossless("FROM a AS x\nRUN 1\n# c\nRUN 2\nFROM b\nRUN 3\n");
		assertThat(file.stages().get(0).instructions()).extracting(Instruction::arguments).containsExactly("1", "2");
		assertThat(file.stages().get(1).instructions()).extracting(Instruction::arguments).containsExactly("3");
		assertThat(file.stages().get(1).index()).isEqualTo(1);
	}

}
