package dev.rebaser.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image folder's {@code BASEIMAGE} file: one {@code os/arch[/osversion]=image} per
 * line (files older than the Windows images wrote {@code arch=image}). Kubernetes' build
 * greps the line of the platform it builds and passes the image as the BASEIMAGE build
 * argument.
 */
record BaseImageFile(Map<String, String> entries, List<String> problems) {

	/**
	 * Where Kubernetes' images are built first; what a platform with no line of its own
	 * starts from.
	 */
	static final String FALLBACK_ARCH = "amd64";

	BaseImageFile {
		entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
		problems = List.copyOf(problems);
	}

	static BaseImageFile parse(String text) {
		Map<String, String> entries = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int equals = line.indexOf('=');
			if (equals <= 0 || equals == line.length() - 1) {
				problems.add("BASEIMAGE line " + (i + 1) + ": expected os/arch=image, found \"" + line + "\"");
				continue;
			}
			String platform = line.substring(0, equals).strip();
			String image = line.substring(equals + 1).strip();
			if (entries.containsKey(platform)) {
				problems.add("BASEIMAGE line " + (i + 1) + ": " + platform + " is given twice; Kubernetes' grep"
						+ " would pass both lines, the first is used here");
				continue;
			}
			entries.put(platform, image);
		}
		return new BaseImageFile(entries, problems);
	}

	/**
	 * The line Kubernetes would use for a Linux build on {@code arch}, or, when the file
	 * has none (no file lists mips64le), the amd64 line that a rewrite for the target
	 * starts from.
	 */
	Optional<Choice> forArch(String arch) {
		for (String platform : List.of("linux/" + arch, arch)) {
			if (entries.containsKey(platform)) {
				return Optional.of(new Choice(platform, entries.get(platform), arch, false));
			}
		}
		for (String platform : List.of("linux/" + FALLBACK_ARCH, FALLBACK_ARCH)) {
			if (entries.containsKey(platform)) {
				return Optional.of(new Choice(platform, entries.get(platform), FALLBACK_ARCH, true));
			}
		}
		return entries.entrySet()
			.stream()
			.filter(entry -> entry.getKey().startsWith("linux/") && entry.getKey().split("/").length == 2)
			.findFirst()
			.map(entry -> new Choice(entry.getKey(), entry.getValue(), entry.getKey().substring("linux/".length()),
					true));
	}

	/**
	 * The line chosen for a build; {@code fallback} when it is another architecture's
	 * line.
	 */
	record Choice(String platform, String image, String arch, boolean fallback) {
	}

}
