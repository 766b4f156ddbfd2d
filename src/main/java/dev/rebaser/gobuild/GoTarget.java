package dev.rebaser.gobuild;

import dev.rebaser.rules.ArchitectureNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Go platform one image's programs are built for: always Linux, the architecture's Go
 * name, ARMv7 for 32-bit ARM as Kubernetes' images use, and the {@code GOFLAGS} of the
 * build.
 */
public record GoTarget(String goos, String goarch, String goarm, List<String> goFlags) {

	static final String VENDOR = "-mod=vendor";

	public GoTarget {
		goFlags = List.copyOf(goFlags);
	}

	public static GoTarget of(ArchitectureNames architecture) {
		String goarch = architecture.goArch();
		return new GoTarget("linux", goarch, goarch.equals("arm") ? "7" : "", List.of());
	}

	/** Builds from the tree's vendor folder, or not. */
	public GoTarget withVendor(boolean vendor) {
		List<String> flags = new ArrayList<>(goFlags);
		flags.remove(VENDOR);
		if (vendor) {
			flags.add(VENDOR);
		}
		return new GoTarget(goos, goarch, goarm, flags);
	}

	/** Adds flags, such as those of an image Makefile's {@code GOFLAGS}. */
	public GoTarget withGoFlags(String flags) {
		List<String> all = new ArrayList<>(goFlags);
		for (String flag : flags.strip().split("\\s+")) {
			if (!flag.isEmpty()) {
				all.add(flag);
			}
		}
		return new GoTarget(goos, goarch, goarm, all);
	}

	/**
	 * The environment of {@code go build}: no cgo, the platform, no module proxy (every
	 * module comes from the tree or the cache the build is given) and GOFLAGS, empty when
	 * there are none, so that no default of the toolchain image takes their place.
	 */
	public Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("CGO_ENABLED", "0");
		environment.put("GOOS", goos);
		environment.put("GOARCH", goarch);
		if (!goarm.isEmpty()) {
			environment.put("GOARM", goarm);
		}
		environment.put("GOPROXY", "off");
		environment.put("GOFLAGS", String.join(" ", goFlags));
		return Collections.unmodifiableMap(environment);
	}

}
