package dev.rebaser.gobuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryCacheKeyTest {

	private static final String A = "a".repeat(64);

	private static final String B = "b".repeat(64);

	private static final GoTarget MIPS = new GoTarget("linux", "mips64le", "", List.of());

	private static final GoBinary PINGER = GoBinary.of("pinger", 1);

	@Test
	void theEncodingIsLengthPrefixedInPathOrder() throws Exception {
		Map<String, String> sources = new LinkedHashMap<>();
		sources.put("test/images/pinger/main.go", B);
		sources.put("go.mod", A);

		String key = BinaryCacheKey.of(sources, PINGER, MIPS, "-X a=b", "sha256:toolchain").sha256();

		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		for (Object field : List.of("rebaser-gobuild-binary/1", 2, "go.mod", A, "test/images/pinger/main.go", B,
				"pinger", 5, "CGO_ENABLED", "0", "GOARCH", "mips64le", "GOFLAGS", "", "GOOS", "linux", "GOPROXY", "off",
				"-X a=b", "sha256:toolchain")) {
			if (field instanceof Integer number) {
				out.writeInt(number);
			}
			else {
				byte[] utf8 = ((String) field).getBytes(StandardCharsets.UTF_8);
				out.writeInt(utf8.length);
				out.write(utf8);
			}
		}
		assertThat(key)
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray())));
		assertThat(key).isEqualTo("675a8238e76bd98e1de68e3ed45521794d40fd6669a727110da7b23ee6a0dc46");
	}

	@Test
	void everyInputChangesTheKey() {
		Map<String, String> sources = Map.of("main.go", A);
		String key = key(sources, PINGER, MIPS, "", "img");

		assertThat(List.of(key(Map.of("main.go", B), PINGER, MIPS, "", "img"),
				key(Map.of("other.go", A), PINGER, MIPS, "", "img"),
				key(sources, GoBinary.of("pinger2", 1), MIPS, "", "img"),
				key(sources, PINGER, new GoTarget("linux", "arm", "7", List.of()), "", "img"),
				key(sources, PINGER, new GoTarget("linux", "arm", "6", List.of()), "", "img"),
				key(sources, PINGER, MIPS.withVendor(true), "", "img"), key(sources, PINGER, MIPS, "-s", "img"),
				key(sources, PINGER, MIPS, "", "img2")))
			.doesNotContain(key)
			.doesNotHaveDuplicates();
	}

	@Test
	void fieldsCannotRunIntoEachOther() {
		assertThat(key(Map.of("main.go", A), PINGER, MIPS, "ab", "c"))
			.isNotEqualTo(key(Map.of("main.go", A), PINGER, MIPS, "a", "bc"));
	}

	@Test
	void digestsAreHexOfSha256AndTheirCaseDoesNotMatter() {
		assertThat(key(Map.of("main.go", A.toUpperCase()), PINGER, MIPS, "", "img"))
			.isEqualTo(key(Map.of("main.go", A), PINGER, MIPS, "", "img"));
		assertThatThrownBy(() -> key(Map.of("main.go", "xyz"), PINGER, MIPS, "", "img"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("not a path and its SHA-256: main.go xyz");
	}

	private static String key(Map<String, String> sources, GoBinary binary, GoTarget target, String ldFlags,
			String image) {
		return BinaryCacheKey.of(sources, binary, target, ldFlags, image).sha256();
	}

}
