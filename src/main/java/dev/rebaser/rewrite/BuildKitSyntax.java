package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Flag;
import dev.rebaser.dockerfile.Instruction;
import java.util.Set;

/**
 * Syntax the classic builder (which docker-java drives) rejects: said in a warning, never
 * dropped.
 */
final class BuildKitSyntax {

	static final String CODE = "buildkit-only";

	private static final Set<String> RUN_FLAGS = Set.of("mount", "network", "security");

	private static final Set<String> COPY_FLAGS = Set.of("link", "chmod", "exclude", "parents", "keep-git-dir",
			"checksum");

	private BuildKitSyntax() {
	}

	static void check(Instruction instruction, boolean lowered, RewriteLog log) {
		String keyword = instruction.keyword();
		boolean run = keyword.equals("RUN");
		boolean copy = keyword.equals("COPY") || keyword.equals("ADD");
		if (!run && !copy) {
			return;
		}
		for (Flag flag : instruction.flags()) {
			if (run && RUN_FLAGS.contains(flag.name()) || copy && COPY_FLAGS.contains(flag.name())) {
				log.warn(instruction.startLine(), CODE,
						keyword + " --" + flag.name() + " needs BuildKit; the classic builder rejects it");
			}
		}
		if (!instruction.heredocs().isEmpty() && !lowered) {
			log.warn(instruction.startLine(), CODE,
					keyword + " with a heredoc needs BuildKit; the classic builder rejects it");
		}
	}

}
