package dev.rebaser.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to do with a FROM image whose repository is one of {@code repositories} and whose
 * tag matches {@code tag} (any tag when empty).
 *
 * @param keep why the image stays as it is; when empty the image is replaced
 * @param debianImage the official Debian-based image to use on targets that can pull one;
 * {@code {version}} is the tag's {@code version} group
 * @param installs Alpine package names to install on the target's base image instead
 * @param cmd the CMD the official image had, per distro
 * @param env the environment the official image had
 */
public record BaseImageRule(String key, List<String> repositories, Optional<Pattern> tag, Optional<String> keep,
		Optional<String> debianImage, List<String> installs, Map<Distro, List<String>> cmd, Map<String, String> env,
		Optional<String> notes) {

	public String id() {
		return "base-image:" + key;
	}
}
