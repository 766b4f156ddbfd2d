package dev.rebaser.gobuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebaser.gobuild.GoVersion.Discovery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoVersionTest {

	private static Discovery fromTree(Map<String, String> files) {
		return GoVersion.fromTree(path -> Optional.ofNullable(files.get(path)));
	}

	@Test
	void goVersionFileComesFirst() {
		Discovery found = fromTree(
				Map.of(".go-version", "1.22.3\n", "build/build-image/cross/VERSION", "v1.29.0-go1.21.5-bullseye.0\n"));

		assertThat(found).isEqualTo(new Discovery(Optional.of(new GoRelease("1.22.3", ".go-version")), List.of()));
	}

	@Test
	void crossImageVersionOfOlderTrees() {
		Discovery found = fromTree(Map.of("build/build-image/cross/VERSION", "v1.29.0-go1.21.5-bullseye.0\n"));

		assertThat(found).isEqualTo(
				new Discovery(Optional.of(new GoRelease("1.21.5", "build/build-image/cross/VERSION")), List.of()));
	}

	@Test
	void aMalformedGoVersionFileIsAWarningAndTheCrossVersionIsUsed() {
		Discovery found = fromTree(Map.of(".go-version", "go one point twenty\n", "build/build-image/cross/VERSION",
				"v1.27.0-go1.20.4-bullseye.0"));

		assertThat(found)
			.isEqualTo(new Discovery(Optional.of(new GoRelease("1.20.4", "build/build-image/cross/VERSION")),
					List.of(".go-version holds 'go one point twenty', which is not a Go release such as 1.22.3")));
	}

	@Test
	void nothingReadable() {
		assertThat(fromTree(Map.of("build/build-image/cross/VERSION", "v1.15.0-1")))
			.isEqualTo(new Discovery(Optional.empty(), List
				.of("build/build-image/cross/VERSION 'v1.15.0-1' does not name a Go release the way v1.29.0-go1.21.5-bullseye.0 does")));
		assertThat(fromTree(Map.of())).isEqualTo(new Discovery(Optional.empty(),
				List.of("the tree has neither .go-version nor build/build-image/cross/VERSION")));
		assertThat(fromTree(Map.of(".go-version", "1.21rc2"))).isEqualTo(new Discovery(Optional.empty(),
				List.of(".go-version holds '1.21rc2', which is not a Go release such as 1.22.3")));
	}

	@Test
	void makefilePin() {
		assertThat(GoVersion.fromMakefilePin("1.20.4").release())
			.contains(new GoRelease("1.20.4", "GOLANG_VERSION of the image Makefile"));
		assertThat(GoVersion.fromMakefilePin("1.20.04").warnings()).containsExactly(
				"GOLANG_VERSION of the image Makefile holds '1.20.04', which is not a Go release such as 1.22.3");
		assertThat(GoVersion.fromMakefilePin("1.2.3.4").release()).isEmpty();
		assertThat(GoVersion.fromMakefilePin("0.9").release()).isEmpty();
		assertThat(GoVersion.fromMakefilePin("1.99999999999").release()).isEmpty();
	}

	@Test
	void releasesCompareByNumber() {
		assertThat(release("1.9").olderThan(release("1.10"))).isTrue();
		assertThat(release("1.10").olderThan(release("1.9"))).isFalse();
		assertThat(release("1.21.5").olderThan(release("1.21.10"))).isTrue();
		assertThat(release("1.21.10").olderThan(release("1.22"))).isTrue();
		assertThat(release("1.20").olderThan(release("1.20.0"))).isFalse();
		assertThat(release("1.20.0").olderThan(release("1.20"))).isFalse();
		assertThat(release("1.22.3").olderThan(release("1.22.3"))).isFalse();
		assertThat(release("1.99").olderThan(release("2.0"))).isTrue();
	}

	@Test
	void aReleaseIsValidatedWhenMade() {
		assertThatThrownBy(() -> new GoRelease("latest", "x")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("not a Go release: latest");
	}

	private static GoRelease release(String version) {
		return new GoRelease(version, "test");
	}

}
