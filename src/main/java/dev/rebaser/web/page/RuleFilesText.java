package dev.rebaser.web.page;

import dev.rebaser.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The built-in rules files as text, for the rules page, with an anchor on every top-level
 * key and on every rule whose id the change report shows (e.g. {@code package:curl} on
 * the line {@code curl:} under {@code packages:}). Only the rules from files get anchors:
 * rules that are part of the rewriter itself, such as {@code apk:add}, have no line to
 * point at.
 */
@Component
public class RuleFilesText {

	/** Top-level keys of the rules files and the kind their rules' ids start with. */
	private static final Map<String, String> KINDS = Map.of("packages", "package", "applets", "applet", "baseImages",
			"base-image", "commands", "command", "paths", "path", "userCommands", "user-command", "targets", "target");

	private static final Pattern TOP_LEVEL = Pattern.compile("^([A-Za-z][\\w-]*):");

	private static final Pattern SECOND_LEVEL = Pattern.compile("^ {2}(\"?)([^\"\\s#:][^\"]*?)\\1:(\\s|$)");

	public record Line(int number, String text, String anchor) {
	}

	public record RuleFileLines(String name, List<Line> lines) {
	}

	private final List<RuleFileLines> files;

	private final Set<String> anchors;

	public RuleFilesText() {
		this(read());
	}

	public RuleFilesText(Map<String, String> texts) {
		List<RuleFileLines> all = new ArrayList<>();
		Set<String> ids = new LinkedHashSet<>();
		texts.forEach((name, text) -> all.add(lines(name, text, ids)));
		this.files = List.copyOf(all);
		this.anchors = Set.copyOf(ids);
	}

	public List<RuleFileLines> files() {
		return files;
	}

	/**
	 * The anchor on the rules page for a change's rule id, or null when the page has
	 * none.
	 */
	public String anchorOf(String ruleId) {
		if (ruleId == null) {
			return null;
		}
		String id = ruleId;
		if (id.startsWith("user-command:") && id.indexOf('/') > 0) {
			id = id.substring(0, id.indexOf('/')); // a form of the command: the command's
													// rule
		}
		return anchors.contains(id) ? id : null;
	}

	private static RuleFileLines lines(String name, String text, Set<String> ids) {
		String[] raw = text.split("\r\n|\r|\n", -1);
		List<Line> lines = new ArrayList<>();
		String kind = null;
		for (int i = 0; i < raw.length; i++) {
			if (i == raw.length - 1 && raw[i].isEmpty()) {
				break;
			}
			String anchor = null;
			Matcher top = TOP_LEVEL.matcher(raw[i]);
			Matcher rule = SECOND_LEVEL.matcher(raw[i]);
			if (top.find()) {
				kind = KINDS.get(top.group(1));
				anchor = top.group(1);
			}
			else if (kind != null && rule.find()) {
				anchor = kind + ":" + rule.group(2);
			}
			if (anchor != null && !ids.add(anchor)) {
				anchor = null; // one anchor per id: the first place it is defined
			}
			lines.add(new Line(i + 1, raw[i], anchor));
		}
		return new RuleFileLines(name, lines);
	}

	/**
	 * The files named in the folder's index.txt, in its order (a folder in a jar cannot
	 * be listed).
	 */
	private static Map<String, String> read() {
		ClassLoader loader = RuleFilesText.class.getClassLoader();
		Map<String, String> texts = new java.util.LinkedHashMap<>();
		String index = text(loader, RuleSet.BUILTIN_FOLDER + "/index.txt");
		Arrays.stream(index.split("\n"))
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.forEach(name -> texts.put(name, text(loader, RuleSet.BUILTIN_FOLDER + "/" + name)));
		return texts;
	}

	private static String text(ClassLoader loader, String resource) {
		try (InputStream in = loader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing rules file on the classpath: " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
