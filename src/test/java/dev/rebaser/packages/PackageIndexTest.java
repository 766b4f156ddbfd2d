package dev.rebaser.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageIndexTest {

	private static PackageIndex parse(byte[] bytes) {
		return PackageIndex.parse(new ByteArrayInputStream(bytes));
	}

	private static PackageIndex small() {
		return parse(Fixtures.bytes("small.Packages"));
	}

	@Test
	void knowsEveryRealPackageOnce() {
		PackageIndex index = small();

		assertThat(index.size()).isEqualTo(6); // tini appears twice (two versions)
		assertThat(index.realNames()).containsExactly("ca-certificates", "gosu", "iproute2", "libc6", "mawk", "tini");
	}

	@Test
	void providedNamesAreVirtualNotReal() {
		PackageIndex index = small();

		assertThat(index.contains("awk")).isFalse();
		assertThat(index.isProvided("awk")).isTrue();
		assertThat(index.isProvided("tini-static")).as("version constraint stripped").isTrue();
		assertThat(index.isProvided("mawk")).as("a real package is provided by itself").isTrue();
		assertThat(index.virtualNames()).containsExactly("arpd", "awk", "glibc-2.36-1", "libc6-abi", "libc6-mips64el",
				"tini-static");
	}

	@Test
	void providesMayContinueOnFollowingLines() {
		PackageIndex index = small();

		assertThat(index.isProvided("glibc-2.36-1")).isTrue();
		assertThat(index.isProvided("libc6-abi")).as(":any qualifier stripped").isTrue();
		assertThat(index.isProvided("libc6-abi:any")).isFalse();
	}

	@Test
	void descriptionLinesAreNeverFields() {
		PackageIndex index = small();

		assertThat(index.isProvided("not-a-package-but-description-text")).isFalse();
		assertThat(index.isProvided("golang-1.19")).isFalse();
		assertThat(index.isProvided("debconf")).as("a Depends continuation is no package").isFalse();
	}

	@Test
	void fieldNamesAreCaseInsensitive() {
		PackageIndex index = small();

		assertThat(index.contains("iproute2")).isTrue();
		assertThat(index.isProvided("arpd")).isTrue();
	}

	@Test
	void unknownAndNullNamesAreNotThere() {
		PackageIndex index = small();

		assertThat(index.contains("busybox")).isFalse();
		assertThat(index.isProvided("busybox")).isFalse();
		assertThat(index.contains(null)).isFalse();
		assertThat(index.isProvided(null)).isFalse();
		assertThat(index.contains("TINI")).as("names are exact").isFalse();
	}

	@Test
	void predicateIsIsProvided() {
		var predicate = small().asPredicate();

		assertThat(predicate.test("awk")).isTrue();
		assertThat(predicate.test("gosu")).isTrue();
		assertThat(predicate.test("su-exec")).isFalse();
	}

	@Test
	void crlfLineEndsReadTheSame() {
		String text = new String(Fixtures.bytes("small.Packages"), StandardCharsets.UTF_8);
		PackageIndex crlf = parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));

		assertThat(crlf.realNames()).isEqualTo(small().realNames());
		assertThat(crlf.virtualNames()).isEqualTo(small().virtualNames());
	}

	@Test
	void blankLinesAnywhereAndNoFinalNewlineAreFine() {
		PackageIndex index = parse(
				"\n \n\t\nPackage: a\n\n\n\n   \nPackage: b\nProvides: c".getBytes(StandardCharsets.UTF_8));

		assertThat(index.realNames()).containsExactly("a", "b");
		assertThat(index.virtualNames()).containsExactly("c");
	}

	@Test
	void emptyInputIsAnEmptyIndex() {
		PackageIndex index = parse(new byte[0]);

		assertThat(index.size()).isZero();
		assertThat(index.isProvided("a")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "no-colon.Packages            | 5 | expected 'Field: value' but found 'this line is garbage'",
					"leading-continuation.Packages| 3 | continuation line outside any field",
					"no-package.Packages          | 4 | stanza has no Package field",
					"two-names.Packages           | 5 | field 'Package' appears twice in the stanza starting at line 3",
					"bad-provides.Packages        | 3 | stanza provides an invalid name '(= 1)'",
					"bad-name.Packages            | 1 | invalid package name 'Bad Name'", })
	void malformedInputNamesTheLine(String fixture, int line, String problem) {
		assertThatThrownBy(() -> parse(Fixtures.bytes(fixture))).isInstanceOf(MalformedControlFileException.class)
			.hasMessageStartingWith("line " + line + ": ")
			.hasMessageContaining(problem)
			.extracting(e -> ((MalformedControlFileException) e).line())
			.isEqualTo(line);
	}

	@Test
	void xzAndGzipAreRecognisedByTheirMagic() throws IOException {
		byte[] plain = Fixtures.bytes("many.Packages");
		PackageIndex expected = parse(plain);

		for (byte[] compressed : new byte[][] { Fixtures.xz(plain), Fixtures.gzip(plain) }) {
			try (InputStream in = Decompression.open(new ByteArrayInputStream(compressed))) {
				PackageIndex index = PackageIndex.parse(in);
				assertThat(index.realNames()).isEqualTo(expected.realNames());
				assertThat(index.virtualNames()).isEqualTo(expected.virtualNames());
			}
		}
		assertThat(expected.size()).isEqualTo(500);
		assertThat(expected.isProvided("virtual-7")).isTrue();
	}

	@Test
	void plainInputPassesThroughDecompression() throws IOException {
		try (InputStream in = Decompression.open(new ByteArrayInputStream(Fixtures.bytes("small.Packages")))) {
			assertThat(PackageIndex.parse(in).realNames()).isEqualTo(small().realNames());
		}
	}

	@Test
	void aCorruptXzStreamIsAnIoError() {
		byte[] xz = Fixtures.xz(Fixtures.bytes("many.Packages"));
		byte[] truncated = java.util.Arrays.copyOf(xz, xz.length / 2);

		assertThatThrownBy(() -> PackageIndex.parse(Decompression.open(new ByteArrayInputStream(truncated))))
			.isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining("cannot read the Packages file");
	}

}
