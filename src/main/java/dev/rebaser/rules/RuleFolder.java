package dev.rebaser.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every rules file of one folder and merges them; a key may be defined only once
 * per folder.
 */
final class RuleFolder {

	/** Lists the built-in files, because a folder inside a jar cannot be listed. */
	static final String INDEX = "index.txt";

	private RuleFolder() {
	}

	static RuleFile read(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new RuleFileException(folder.toString(), 1, 1, "is not a folder of rules files");
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter(path -> {
				String name = path.getFileName().toString();
				return name.endsWith(".yaml") || name.endsWith(".yml");
			}).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list " + folder, e);
		}
		RuleFile merged = new RuleFile();
		for (Path file : files) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				merged.addSameFolder(RuleFileParser.parse(file.toString(), reader));
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + file, e);
			}
		}
		checkNames(merged.packages);
		checkNames(merged.applets);
		return merged;
	}

	static RuleFile readClasspath(ClassLoader loader, String folder) {
		RuleFile merged = new RuleFile();
		for (String name : index(loader, folder)) {
			try (InputStream in = loader.getResourceAsStream(folder + "/" + name)) {
				if (in == null) {
					throw new RuleFileException(folder + "/" + INDEX, 1, 1,
							"lists " + name + ", which is not on the classpath");
				}
				merged.addSameFolder(RuleFileParser.parse(name, new InputStreamReader(in, StandardCharsets.UTF_8)));
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + name, e);
			}
		}
		checkNames(merged.packages);
		checkNames(merged.applets);
		return merged;
	}

	static List<String> index(ClassLoader loader, String folder) {
		try (InputStream in = loader.getResourceAsStream(folder + "/" + INDEX)) {
			if (in == null) {
				throw new IllegalStateException(
						"the built-in rules are missing: no " + folder + "/" + INDEX + " on the classpath");
			}
			List<String> names = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String name = line.strip();
				if (!name.isEmpty() && !name.startsWith("#")) {
					names.add(name);
				}
			}
			return names;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the rules index", e);
		}
	}

	/**
	 * An alias must not name a package that another rule of the same folder already
	 * answers for.
	 */
	private static void checkNames(Map<String, Located<PackageRule>> rules) {
		Map<String, Located<PackageRule>> byName = new HashMap<>();
		rules.forEach((key, rule) -> byName.put(key, rule));
		for (Located<PackageRule> rule : rules.values()) {
			for (String alias : rule.value().aliases()) {
				Located<PackageRule> earlier = byName.putIfAbsent(alias, rule);
				if (earlier != null) {
					String kind = rule.value().kind();
					throw new RuleFileException(rule.where(),
							"alias '" + alias + "' of " + kind + " '" + rule.value().key() + "' is already used by "
									+ kind + " '" + earlier.value().key() + "' at " + earlier.where());
				}
			}
		}
	}

}
