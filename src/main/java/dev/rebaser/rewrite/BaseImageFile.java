package dev.rebaser.rewrite;

import dev.rebaser.rules.BaseImageChoice;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes' BASEIMAGE file: one {@code os/arch[/osversion]=image} (older files:
 * {@code arch=image}) per line. The target's line is added in the file's own format,
 * after the last Linux line; an image of another e2e build keeps its reference with the
 * target's architecture, in whichever scheme the tree's era names it
 * ({@code REGISTRY/agnhost:2.26-linux-amd64}, {@code REGISTRY/agnhost:2.8-amd64},
 * {@code REGISTRY/agnhost-amd64:2.8}); anything else goes through the base-image rules.
 */
final class BaseImageFile {

	private BaseImageFile() {
	}

	private record Entry(int line, int start, int end, String key, String image) {
	}

	static BaseImageFileResult rewrite(String text, RuleSet rules, Target target) {
		List<Entry> entries = new ArrayList<>();
		int at = 0;
		int line = 1;
		while (at < text.length()) {
			int end = text.indexOf('\n', at);
			int next = end < 0 ? text.length() : end + 1;
			String content = text.substring(at, end < 0 ? text.length() : end).strip();
			int eq = content.indexOf('=');
			if (!content.isEmpty() && !content.startsWith("#") && eq > 0) {
				entries.add(
						new Entry(line, at, next, content.substring(0, eq).strip(), content.substring(eq + 1).strip()));
			}
			at = next;
			line++;
		}
		List<Change> changes = new ArrayList<>();
		List<RewriteWarning> warnings = new ArrayList<>();
		String arch = target.arch();
		Entry model = null;
		Entry last = null;
		boolean osStyle = false;
		for (Entry entry : entries) {
			String entryArch = archOf(entry.key());
			if (entryArch.equals(arch)) {
				return ownLine(text, entry, rules, target);
			}
			boolean linux = entry.key().startsWith("linux/") || entry.key().indexOf('/') < 0;
			if (!linux) {
				continue;
			}
			osStyle |= entry.key().startsWith("linux/");
			last = entry;
			if (model == null || entryArch.equals("amd64")) {
				model = entry; // amd64 is the architecture every Kubernetes image is
								// built for
			}
		}
		if (model == null) {
			warnings.add(new RewriteWarning(1, "base-image-unmapped",
					"the BASEIMAGE file names no Linux image to derive " + target.key() + " from"));
			return new BaseImageFileResult(text, changes, warnings, null);
		}
		String image = imageFor(model, rules, target, warnings);
		String key = osStyle ? "linux/" + arch : arch;
		String newline = text.contains("\r\n") ? "\r\n" : "\n";
		String added = key + "=" + image;
		String before = text.substring(0, last.end());
		String separator = before.endsWith("\n") ? "" : newline;
		String rest = text.substring(last.end());
		String out = before + separator + added + (before.endsWith("\n") || !rest.isEmpty() ? newline : "") + rest;
		changes.add(new Change(last.line(), "dialect:BASEIMAGE", model.key() + "=" + model.image(), added));
		return new BaseImageFileResult(out, changes, warnings, model.image());
	}

	/**
	 * The file has the target's line already: its image goes through the base-image rules
	 * as a FROM line's would (an Alpine image there is replaced by the target's base).
	 */
	private static BaseImageFileResult ownLine(String text, Entry entry, RuleSet rules, Target target) {
		String image = entry.image();
		if (image.startsWith("REGISTRY/")) {
			return new BaseImageFileResult(text, List.of(), List.of(), image);
		}
		BaseImageChoice choice = rules.baseImageFor(image, target);
		String replacement = null;
		String ruleId = null;
		if (choice instanceof BaseImageChoice.Official official) {
			replacement = official.image();
			ruleId = official.ruleId();
		}
		else if (choice instanceof BaseImageChoice.TargetBase base) {
			replacement = base.image();
			ruleId = base.ruleId();
		}
		if (replacement == null || replacement.equals(image)) {
			return new BaseImageFileResult(text, List.of(), List.of(), image);
		}
		int at = text.indexOf('=', entry.start()) + 1;
		int imageStart = text.indexOf(image, at);
		String out = text.substring(0, imageStart) + replacement + text.substring(imageStart + image.length());
		return new BaseImageFileResult(out, List.of(new Change(entry.line(), ruleId, image, replacement)), List.of(),
				image);
	}

	private static String archOf(String key) {
		String[] parts = key.split("/", -1);
		return parts.length >= 2 ? parts[1] : parts[0];
	}

	private static String imageFor(Entry model, RuleSet rules, Target target, List<RewriteWarning> warnings) {
		String image = model.image();
		String modelArch = archOf(model.key());
		if (image.startsWith("REGISTRY/")) {
			// Kubernetes named the arch in the tag (agnhost:2.8-amd64,
			// agnhost:2.26-linux-amd64) or, earlier, in the name (agnhost-amd64:2.8)
			int colon = image.lastIndexOf(':');
			int slash = image.lastIndexOf('/');
			String name = colon > slash ? image.substring(0, colon) : image;
			String tag = colon > slash ? image.substring(colon + 1) : "";
			if (tag.contains(modelArch)) {
				return name + ":" + tag.replace(modelArch, target.arch());
			}
			if (name.endsWith("-" + modelArch)) {
				String renamed = name.substring(0, name.length() - modelArch.length()) + target.arch();
				return tag.isEmpty() ? renamed : renamed + ":" + tag;
			}
			warnings.add(new RewriteWarning(model.line(), "base-image-unmapped",
					image + " does not name its architecture; the target line uses it unchanged"));
			return image;
		}
		BaseImageChoice choice = rules.baseImageFor(image, target);
		if (choice instanceof BaseImageChoice.Official official) {
			return official.image();
		}
		if (choice instanceof BaseImageChoice.TargetBase base) {
			return base.image();
		}
		if (choice instanceof BaseImageChoice.NoRule) {
			warnings.add(new RewriteWarning(model.line(), "base-image-unmapped",
					"no rule knows the base image " + image + "; the target line uses it unchanged"));
		}
		return image;
	}

}
