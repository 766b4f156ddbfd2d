package dev.rebaser.gobuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoBuildCommandTest {

	@Test
	void aProgramInTheImageFolder() {
		GoBuildCommand command = GoBuildCommand.of("agnhost", GoBinary.of("agnhost", 1), "", "/out/");

		assertThat(command.workingDirectory()).isEqualTo("test/images/agnhost");
		assertThat(command.arguments()).containsExactly("go", "build", "-a", "-installsuffix", "cgo", "-ldflags", "-w",
				"-o", "/out/agnhost", "./.");
	}

	@Test
	void aProgramInASubfolderWithLinkerFlagsKeptAsOneArgument() {
		GoBinary binary = GoBinary.of("consume-cpu/consume-cpu", 1);

		GoBuildCommand command = GoBuildCommand.of("resource-consumer", binary, "-X 'main.v=1 2'", "/out");

		assertThat(command).isEqualTo(new GoBuildCommand("test/images/resource-consumer",
				List.of("go", "build", "-a", "-installsuffix", "cgo", "-ldflags", "-w -X 'main.v=1 2'", "-o",
						"/out/consume-cpu/consume-cpu", "./consume-cpu")));
	}

	@Test
	void theFolderMustStayUnderTestImages() {
		GoBinary binary = GoBinary.of("x", 1);

		for (String folder : List.of("", "../x", "/etc", "a//b", "a b", "-x", "a;b")) {
			assertThatThrownBy(() -> GoBuildCommand.of(folder, binary, "", "/out"))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("not an image folder: " + folder);
		}
		assertThat(GoBuildCommand.of("sample-apiserver/sub", binary, "", "/out").workingDirectory())
			.isEqualTo("test/images/sample-apiserver/sub");
	}

}
