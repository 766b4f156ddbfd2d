package dev.rebaser.build.docker;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What to build: a context (a folder, or a tar stream read once), the Dockerfile's path
 * inside it, build arguments, tags, the architecture the image must come out as, and
 * whether the daemon's layer cache may be used. The classic builder ignores a requested
 * platform; the base image's label decides, so the result is checked.
 */
public record BuildRequest(Path contextDir, InputStream contextTar, String dockerfile, Map<String, String> buildArgs,
		Set<String> tags, String expectedArchitecture, boolean noCache) {

	public BuildRequest {
		if ((contextDir == null) == (contextTar == null)) {
			throw new IllegalArgumentException("a build needs exactly one context: a folder or a tar stream");
		}
		if (expectedArchitecture == null || expectedArchitecture.isBlank()) {
			throw new IllegalArgumentException("a build needs the architecture it must produce");
		}
		dockerfile = dockerfile == null ? "Dockerfile" : dockerfile;
		buildArgs = Map.copyOf(buildArgs);
		tags = Set.copyOf(tags);
	}

	public static BuildRequest ofDirectory(Path contextDir, String expectedArchitecture) {
		return new BuildRequest(contextDir, null, null, Map.of(), Set.of(), expectedArchitecture, false);
	}

	public static BuildRequest ofTar(InputStream contextTar, String expectedArchitecture) {
		return new BuildRequest(null, contextTar, null, Map.of(), Set.of(), expectedArchitecture, false);
	}

	public BuildRequest withDockerfile(String path) {
		return new BuildRequest(contextDir, contextTar, path, buildArgs, tags, expectedArchitecture, noCache);
	}

	public BuildRequest withBuildArg(String name, String value) {
		Map<String, String> args = new LinkedHashMap<>(buildArgs);
		args.put(name, value);
		return new BuildRequest(contextDir, contextTar, dockerfile, args, tags, expectedArchitecture, noCache);
	}

	/** Runs every step again instead of reusing layers of earlier builds. */
	public BuildRequest withoutCache() {
		return new BuildRequest(contextDir, contextTar, dockerfile, buildArgs, tags, expectedArchitecture, true);
	}

	public BuildRequest withTag(String tag) {
		Set<String> more = new LinkedHashSet<>(tags);
		more.add(tag);
		return new BuildRequest(contextDir, contextTar, dockerfile, buildArgs, more, expectedArchitecture, noCache);
	}
}
