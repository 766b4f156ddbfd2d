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
}
