package dev.rebaser.build;

import java.net.URI;
import java.util.List;

/** One package source of the machine's apt configuration: where a suite's packages come from. */
record AptSource(List<String> types, List<URI> uris, List<String> suites, List<String> components) {

	AptSource {
		types = List.copyOf(types);
		uris = List.copyOf(uris);
		suites = List.copyOf(suites);
		components = List.copyOf(components);
	}

	boolean isBinary() {
		return types.contains("deb");
	}
}
