package dev.rebaser.rules;

import java.util.Set;

/**
 * The parts of a FROM image reference that base-image rules match on. Docker Hub
 * spellings of the same image ("alpine", "library/alpine", "docker.io/library/alpine",
 * "arm64v8/alpine") all come down to the repository "alpine".
 */
public record ImageName(String repository, String tag) {

	private static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

	/**
	 * Docker Hub spellings made equal; other registries kept as part of the repository.
	 */
	public static ImageName parse(String reference) {
		return parse(reference, Set.of());
	}

	static ImageName parse(String reference, Set<String> hubNamespaces) {
		String name = reference.trim();
		int digest = name.indexOf('@');
		if (digest >= 0) {
			name = name.substring(0, digest);
		}
		String tag = "latest";
		int colon = name.lastIndexOf(':');
		if (colon > name.lastIndexOf('/')) {
			tag = name.substring(colon + 1);
			name = name.substring(0, colon);
		}
		int slash = name.indexOf('/');
		if (slash > 0 && DOCKER_HUB.contains(name.substring(0, slash))) {
			name = name.substring(slash + 1);
		}
		if (name.startsWith("library/")) {
			name = name.substring("library/".length());
		}
		slash = name.indexOf('/');
		if (slash > 0 && name.indexOf('/', slash + 1) < 0 && hubNamespaces.contains(name.substring(0, slash))) {
			name = name.substring(slash + 1);
		}
		return new ImageName(name, tag);
	}
}
