package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaseImageFileTest {

	@Test
	void readsOsArchLinesSkippingCommentsAndBlankLines() {
		BaseImageFile file = BaseImageFile.parse("""
				# agnhost's bases
				linux/amd64=alpine:3.19

				linux/arm64 = arm64v8/alpine:3.19\r
				windows/amd64/1809=REGISTRY/busybox:1.29-2-windows-amd64-1809
				""");

		assertThat(file.entries()).containsExactly(org.assertj.core.api.Assertions.entry("linux/amd64", "alpine:3.19"),
				org.assertj.core.api.Assertions.entry("linux/arm64", "arm64v8/alpine:3.19"),
				org.assertj.core.api.Assertions.entry("windows/amd64/1809",
						"REGISTRY/busybox:1.29-2-windows-amd64-1809"));
		assertThat(file.problems()).isEmpty();
	}

	@Test
	void readsTheOlderArchOnlyForm() {
		BaseImageFile file = BaseImageFile.parse("amd64=alpine:3.6\narm=arm32v6/alpine:3.6\n");

		assertThat(file.entries()).containsOnlyKeys("amd64", "arm");
		assertThat(file.forArch("arm")).hasValueSatisfying(choice -> {
			assertThat(choice.image()).isEqualTo("arm32v6/alpine:3.6");
			assertThat(choice.fallback()).isFalse();
		});
	}

	@Test
	void reportsLinesThatAreNotPlatformEqualsImage() {
		BaseImageFile file = BaseImageFile
			.parse("linux/amd64=alpine:3.19\njust-an-image:1.0\nlinux/arm64=\n" + "linux/amd64=alpine:3.18\n");

		assertThat(file.entries()).containsOnlyKeys("linux/amd64");
		assertThat(file.entries().get("linux/amd64")).isEqualTo("alpine:3.19");
		assertThat(file.problems()).hasSize(3);
		assertThat(file.problems().get(0)).contains("line 2").contains("just-an-image:1.0");
		assertThat(file.problems().get(1)).contains("line 3");
		assertThat(file.problems().get(2)).contains("line 4").contains("twice");
	}

	@Test
	void aTargetWithoutALineStartsFromTheAmd64Line() {
		BaseImageFile file = BaseImageFile.parse("linux/arm64=arm64v8/alpine:3.19\nlinux/amd64=alpine:3.19\n");

		assertThat(file.forArch("mips64le")).hasValueSatisfying(choice -> {
			assertThat(choice.platform()).isEqualTo("linux/amd64");
			assertThat(choice.image()).isEqualTo("alpine:3.19");
			assertThat(choice.fallback()).isTrue();
		});
		assertThat(file.forArch("arm64")).hasValueSatisfying(choice -> assertThat(choice.fallback()).isFalse());
	}

	@Test
	void withoutAnAmd64LineTheFirstLinuxLineIsUsedAndWindowsLinesNever() {
		assertThat(BaseImageFile.parse("windows/amd64/1809=nanoserver\nlinux/s390x=s390x/alpine\n").forArch("mips64le"))
			.hasValueSatisfying(choice -> assertThat(choice.platform()).isEqualTo("linux/s390x"));
		assertThat(BaseImageFile.parse("windows/amd64/1809=nanoserver\n").forArch("mips64le")).isEmpty();
		assertThat(BaseImageFile.parse("").forArch("mips64le")).isEmpty();
	}

}
