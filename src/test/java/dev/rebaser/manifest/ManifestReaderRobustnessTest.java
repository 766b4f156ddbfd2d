package dev.rebaser.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever it is given, the reader answers: no exception, and no internal failure either.
 */
class ManifestReaderRobustnessTest {

	private static final List<String> FIXTURES = List.of("era-1.10-imageconfig-vars.go", "era-1.13-initreg-vars.go",
			"era-1.15-iota-configs.go", "era-1.21-promoter-registries.go", "era-1.24-list-prefix-csi-helper.go",
			"era-current-readrepolist.go", "era-repolist-only.go");

	private static final String GO_BITS = "{}()[]\"`'/*\n\t ,;:=.+&\\x";

	private static final RegistryOverrides OVERRIDES = RegistryOverrides
		.fromYaml("e2eRegistry: a/b\npromoterE2eRegistry: c/d\nunknownKey: e\n");

	private static void assertReadable(String src) {
		assertThatCode(() -> {
			for (RegistryOverrides o : List.of(RegistryOverrides.none(), OVERRIDES)) {
				Manifest m = ManifestReader.read(src, o);
				assertThat(m.warnings()).noneMatch(w -> w.message().contains("could not be read"));
				assertThat(m.images()).extracting(ManifestImage::id).doesNotHaveDuplicates();
			}
		}).as("input:%n%s", src).doesNotThrowAnyException();
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void mutatedManifestsNeverThrow() {
		Random random = new Random(20261126);
		for (String fixture : FIXTURES) {
			String original = Fixtures.load(fixture);
			for (int round = 0; round < 150; round++) {
				StringBuilder sb = new StringBuilder(original);
				int edits = 1 + random.nextInt(6);
				for (int e = 0; e < edits && sb.length() > 0; e++) {
					int at = random.nextInt(sb.length());
					switch (random.nextInt(4)) {
						case 0 -> sb.deleteCharAt(at);
						case 1 -> sb.insert(at, GO_BITS.charAt(random.nextInt(GO_BITS.length())));
						case 2 -> sb.setLength(at); // truncation
						default -> {
							int end = Math.min(sb.length(), at + random.nextInt(80));
							sb.insert(random.nextInt(sb.length()), sb.substring(at, end));
						}
					}
				}
				assertReadable(sb.toString());
			}
		}
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void randomTextNeverThrows() {
		Random random = new Random(7);
		for (int round = 0; round < 300; round++) {
			StringBuilder sb = new StringBuilder();
			int length = random.nextInt(400);
			for (int i = 0; i < length; i++) {
				sb.append(random.nextBoolean() ? GO_BITS.charAt(random.nextInt(GO_BITS.length()))
						: (char) random.nextInt(0x3000));
			}
			assertReadable(sb.toString());
		}
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void pathologicalNestingNeverThrows() {
		assertReadable("package image\nvar X = " + "(".repeat(100_000) + "\"a\"" + ")".repeat(100_000));
		assertReadable("package image\nvar X = Config{" + "{".repeat(50_000));
		assertReadable("package image\nfunc f() {" + "{".repeat(50_000) + "}".repeat(50_000) + "}");
		assertReadable("package image\nvar a = b\nvar b = a\nvar X = ImageConfig{a, \"n\", \"v\"}\n");
		assertReadable("package image\nfunc f(configs map[int]Config) { configs[A] = Config{\"r\", \"n\", \"v\"}; "
				+ "g(configs) }\nfunc g(configs map[int]Config) { f(configs) }\n");
	}

}
