package dev.rebaser.rewrite;

import dev.rebaser.budget.CpuBudget;
import dev.rebaser.dockerfile.Dockerfile;
import dev.rebaser.dockerfile.DockerfileParser;
import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.dockerfile.Stage;
import dev.rebaser.rules.RuleSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Rewrites an Alpine-based Dockerfile for a Debian or Fedora target. The output is the
 * input with edits applied to the spans that change, so everything else stays byte for
 * byte; every edit is explained by a change, and everything that needs a reviewer by a
 * warning.
 */
public final class Rewriter {

	private final RuleSet rules;

	public Rewriter(RuleSet rules) {
		this.rules = rules;
	}

	/**
	 * @throws dev.rebaser.dockerfile.DockerfileSyntaxException when the input does not
	 * parse
	 * @throws StrictModeException when {@code options.strict()} and there are warnings
	 */
	public RewriteResult rewrite(String dockerfile, RewriteOptions options) {
		return rewrite(dockerfile, options, null);
	}

	/**
	 * A Dockerfile of a Kubernetes image folder, whose {@code FROM $BASEIMAGE} (or
	 * {@code FROM BASEIMAGE}) starts from what the folder's BASEIMAGE file names: that
	 * image goes through the base-image rules as a FROM line's would, so the stage gets
	 * what the image brought (packages, ENV, CMD) while the file gets the target's base.
	 * @param baseImageFile the folder's rewritten BASEIMAGE file, or null
	 */
	public RewriteResult rewrite(String dockerfile, RewriteOptions options, BaseImageFileResult baseImageFile) {
		RewriteLog log = new RewriteLog();
		String text = PlaceholderWords.substitute(dockerfile, rules, options.target(), log);
		Dockerfile parsed = DockerfileParser.parse(text);
		TextEdits edits = new TextEdits(text);
		Translation tx = new Translation(rules, options.target(), options,
				PackageCommands.of(options.target().packageManager()), log, SelfProvidedPaths.of(parsed, rules));
		for (Instruction arg : parsed.globalArgs()) {
			ArchitectureValues.rewrite(arg, edits, tx);
		}
		StagePlanner planner = new StagePlanner(parsed, edits, tx,
				baseImageFile == null ? null : baseImageFile.baseImage());
		List<StagePlanner.Plan> plans = new ArrayList<>();
		Set<Instruction> lowered = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Stage stage : parsed.stages()) {
			StagePlanner.Plan plan = planner.plan(stage, plans);
			plans.add(plan);
			for (Instruction instruction : stage.instructions()) {
				CpuBudget.check();
				rewrite(instruction, parsed, edits, tx, plan.state(), lowered);
			}
			StageProvisions.provide(stage, plan, edits, tx);
		}
		for (Instruction instruction : parsed.instructions()) {
			BuildKitSyntax.check(instruction, lowered.contains(instruction), log);
		}
		RewriteResult result = new RewriteResult(edits.apply(), log.changes(), log.warnings(), log.installs(),
				options.target().key());
		if (options.strict() && !result.warnings().isEmpty()) {
			throw new StrictModeException(result.warnings());
		}
		return result;
	}

	private static void rewrite(Instruction instruction, Dockerfile parsed, TextEdits edits, Translation tx,
			StageState state, Set<Instruction> lowered) {
		switch (instruction.keyword()) {
			case "CROSS_BUILD_COPY" -> {
				// binfmt_misc with the F flag runs foreign binaries in the container
				// without a copy of QEMU
				int end = instruction.span().end();
				String text = parsed.text();
				boolean blankBefore = instruction.span().start() >= 2
						&& text.startsWith("\n\n", instruction.span().start() - 2);
				if (blankBefore && text.startsWith("\n", end)) {
					end++; // do not leave two blank lines where the instruction was
				}
				else if (blankBefore && text.startsWith("\r\n", end)) {
					end += 2;
				}
				edits.replace(instruction.span().start(), end, "");
				tx.log().change(instruction.startLine(), "dialect:CROSS_BUILD_COPY", instruction.text().strip(), "");
			}
			case "ARG", "ENV" -> ArchitectureValues.rewrite(instruction, edits, tx);
			case "COPY", "ADD" -> OwnPrograms.copied(instruction, state);
			case "RUN" -> {
				boolean done = state.translated ? RunRewriter.rewrite(instruction, parsed, edits, tx, state)
						: HeredocLowering.lowerOnly(instruction, parsed, edits, tx, state);
				if (done) {
					lowered.add(instruction);
				}
			}
			case "ONBUILD" -> {
				// the trigger runs in images built FROM this one, which are on the target
				// too
				Instruction trigger = instruction.trigger().orElse(null);
				if (state.translated && trigger != null && trigger.keyword().equals("RUN")
						&& trigger.heredocs().isEmpty()) {
					RunRewriter.rewrite(trigger, parsed, edits, tx, new StageState(true));
				}
			}
			case "CMD", "ENTRYPOINT", "HEALTHCHECK", "SHELL" -> {
				if (state.translated) {
					RuntimeCommandRewriter.rewrite(instruction, parsed, edits, tx, state);
				}
			}
			default -> {
			}
		}
	}

	/**
	 * Adds the target's line to a Kubernetes BASEIMAGE file (os/arch[/osversion]=image
	 * per line).
	 */
	public BaseImageFileResult rewriteBaseImageFile(String baseImageFile, RewriteOptions options) {
		BaseImageFileResult result = BaseImageFile.rewrite(baseImageFile, rules, options.target());
		if (options.strict() && !result.warnings().isEmpty()) {
			throw new StrictModeException(result.warnings());
		}
		return result;
	}

}
