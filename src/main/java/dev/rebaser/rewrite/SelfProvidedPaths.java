package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Dockerfile;
import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.Word;
import dev.rebaser.rules.PathRule;
import dev.rebaser.rules.RuleSet;

import java.util.HashSet;
import java.util.Set;

/**
 * Alpine paths the Dockerfile puts in place itself (COPY/ADD to them, download or link to them):
 * those must keep their name, or the rewrite would point at a file that is not there.
 */
final class SelfProvidedPaths {

    private static final Set<String> WRITERS = Set.of("wget", "curl", "cp", "mv", "ln", "install", "tee");

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
            } else if (keyword.equals("RUN")) {
                for (ShellCommand command : instruction.commands()) {
                    if (command.name().filter(WRITERS::contains).isEmpty()) {
                        continue;
                    }
                    for (Word word : command.words()) {
                        if (word.literal() != null && rules.pathRule(word.literal()).isPresent()) {
                            provided.add(word.literal());
                        }
                    }
                }
            }
        }
        return provided;
    }
}
