package dev.rebaser.build.base;

import java.util.List;

/**
 * One CPU architecture under its two names: Docker's (in image configs and platforms) and
 * Debian's (for debootstrap and package indexes). They differ exactly where it hurts, for
 * example Docker's {@code mips64le} is Debian's {@code mips64el}.
 */
public record Architecture(String docker, String variant, String debian) {

	private static final List<Architecture> KNOWN = List.of(new Architecture("amd64", null, "amd64"),
			new Architecture("arm64", null, "arm64"), new Architecture("arm", "v7", "armhf"),
			new Architecture("386", null, "i386"), new Architecture("mips64le", null, "mips64el"),
			new Architecture("ppc64le", null, "ppc64el"), new Architecture("riscv64", null, "riscv64"),
			new Architecture("s390x", null, "s390x"));

	/**
	 * Looks up a Docker architecture name ({@code mips64le}); fails for names Debian has
	 * no port for.
	 */
	public static Architecture ofDocker(String dockerName) {
		return KNOWN.stream()
			.filter(a -> a.docker.equals(dockerName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no Debian architecture for Docker's " + dockerName));
	}

	/**
	 * The GNU triplet of Debian's cross compiler for this architecture, as in the package
	 * {@code gcc-mips64el-linux-gnuabi64}.
	 */
	public String gnuTriplet() {
		return switch (debian) {
			case "amd64" -> "x86-64-linux-gnu";
			case "arm64" -> "aarch64-linux-gnu";
			case "armhf" -> "arm-linux-gnueabihf";
			case "i386" -> "i686-linux-gnu";
			case "mips64el" -> "mips64el-linux-gnuabi64";
			case "ppc64el" -> "powerpc64le-linux-gnu";
			default -> debian + "-linux-gnu"; // riscv64, s390x
		};
	}

}
