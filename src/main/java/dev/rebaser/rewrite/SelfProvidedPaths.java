package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Dockerfile;
import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.Word;
import dev.rebaser.rules.PathRule;
import dev.rebaser.rules.RuleSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Alpine paths the Dockerfile puts in place itself (COPY/ADD to them, download or link to
 * them): those must keep their name, or the rewrite would point at a file that is not
 * there.
 */
final class SelfProvidedPaths {

	static final Set<String> WRITERS = Set.of("wget", "curl", "cp", "mv", "ln", "install", "tee");

	private static final Set<String> OUTPUT_OPTIONS = Set.of("-O", "-o", "--output", "--output-document");

	private SelfProvidedPaths() {
	}

	static Set<String> of(Dockerfile dockerfile, RuleSet rules) {
		Set<String> provided = new HashSet<>();
		for (Instruction instruction : dockerfile.instructions()) {
			String keyword = instruction.keyword();
			if (keyword.equals("COPY") || keyword.equals("ADD")) {
				String text = instruction.text();
				for (PathRule rule : rules.pathRules()) {
					if (text.contains(rule.path())) {
						provided.add(rule.path());
					}
				}
			}
			else if (keyword.equals("RUN")) {
				for (ShellCommand command : instruction.commands()) {
					if (command.name().filter(WRITERS::contains).isEmpty()) {
						continue;
					}
					for (Word word : written(command)) {
						if (word.literal() != null && rules.pathRule(word.literal()).isPresent()) {
							provided.add(word.literal());
						}
					}
				}
			}
		}
		return provided;
	}

	/**
	 * The words naming files the command writes: the destination of cp/mv/ln/install,
	 * -O/-o of wget/curl, tee's files.
	 */
	static List<Word> written(ShellCommand command) {
		List<Word> words = command.words();
		String name = words.get(0).literal();
		if (name.equals("tee")) {
			return words.subList(1, words.size());
		}
		if (name.equals("wget") || name.equals("curl")) {
			List<Word> out = new ArrayList<>();
			for (int i = 1; i + 1 < words.size(); i++) {
				String option = words.get(i).literal();
				if (option != null && OUTPUT_OPTIONS.contains(option)) {
					out.add(words.get(i + 1));
				}
			}
			return out;
		}
		return words.size() > 1 ? List.of(words.get(words.size() - 1)) : List.of();
	}

}
