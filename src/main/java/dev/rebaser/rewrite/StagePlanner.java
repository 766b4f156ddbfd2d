package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Dockerfile;
import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.Stage;
import dev.rebaser.rules.BaseImageChoice;
import dev.rebaser.rules.BaseImageRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides per stage whether it runs on the target (and so gets translated) and rewrites
 * its FROM: the image in place, or the default of the ARG that names it where that ARG is
 * declared.
 */
final class StagePlanner {

	/**
	 * What a stage's FROM became; {@code base} holds what the original base image
	 * provided.
	 */
	record Plan(StageState state, BaseImageChoice.TargetBase base) {
	}

	private final Dockerfile dockerfile;

	private final TextEdits edits;

	private final Translation tx;

	private final Set<Integer> rewrittenArgs = new HashSet<>();

	private final String placeholderImage;

	/**
	 * @param placeholderImage what the BASEIMAGE file names for the target, which a
	 * {@code FROM $BASEIMAGE} stage starts from; null when unknown
	 */
	StagePlanner(Dockerfile dockerfile, TextEdits edits, Translation tx, String placeholderImage) {
		this.dockerfile = dockerfile;
		this.edits = edits;
		this.tx = tx;
		this.placeholderImage = placeholderImage;
	}

	Plan plan(Stage stage, List<Plan> earlier) {
		if (stage.parent().isPresent()) {
			return new Plan(earlier.get(stage.parent().getAsInt()).state().child(), null);
		}
		boolean buildPlatform = stage.platform() != null && stage.platform().contains("BUILDPLATFORM");
		if (buildPlatform && !tx.options().rebaseBuildPlatformStages()) {
			return new Plan(new StageState(false), null);
		}
		String resolved = stage.resolvedBaseImage(tx.options().buildArgs()).trim();
		int line = stage.from().startLine();
		if (resolved.isEmpty() || resolved.equals("BASEIMAGE")) {
			// Kubernetes' placeholder: the BASEIMAGE file decides, and it is rewritten
			// for the target; the stage gets what the image it named brought.
			if (placeholderImage != null && tx.rules()
				.baseImageFor(placeholderImage, tx.target()) instanceof BaseImageChoice.TargetBase base) {
				notes(base.ruleId(), placeholderImage + " (BASEIMAGE)", base.image(), line);
				return new Plan(new StageState(true), base);
			}
			return new Plan(new StageState(true), null);
		}
		BaseImageChoice choice = tx.rules().baseImageFor(resolved, tx.target());
		if (choice instanceof BaseImageChoice.Keep) {
			return new Plan(new StageState(stage.placeholder()), null);
		}
		if (choice instanceof BaseImageChoice.NoRule) {
			boolean usesApk = usesApk(stage);
			if (usesApk) {
				tx.log()
					.warn(line, "base-image-unmapped", "no rule knows the base image " + resolved
							+ "; its apk commands are translated as if it were Alpine");
			}
			return new Plan(new StageState(usesApk || stage.placeholder()), null);
		}
		String image;
		String ruleId;
		BaseImageChoice.TargetBase base = null;
		if (choice instanceof BaseImageChoice.Official official) {
			image = official.image();
			ruleId = official.ruleId();
		}
		else {
			base = (BaseImageChoice.TargetBase) choice;
			image = base.image();
			ruleId = base.ruleId();
			notes(ruleId, resolved, image, line);
		}
		replaceImage(stage, resolved, image, ruleId, line);
		return new Plan(new StageState(true), base);
	}

	private void replaceImage(Stage stage, String resolved, String image, String ruleId, int line) {
		String written = stage.baseImage();
		String variable = singleVariable(written);
		if (variable != null) {
			if (tx.options().buildArgs().containsKey(variable)) {
				tx.log()
					.warn(line, "base-image-build-arg", "the build argument " + variable + "=" + resolved
							+ " names an Alpine image; pass " + image + " instead");
				return;
			}
			for (Instruction arg : dockerfile.globalArgs()) {
				for (Assignment assignment : Assignment.of(arg)) {
					if (assignment.name().equals(variable)) {
						if (rewrittenArgs.add(assignment.valueStart())) {
							edits.replace(assignment.valueStart(), assignment.valueEnd(), image);
							tx.log().change(arg.startLine(), ruleId, assignment.value(), image);
						}
						return;
					}
				}
			}
			return;
		}
		Instruction from = stage.from();
		String args = from.arguments();
		int start = 0;
		while (start < args.length() && Character.isWhitespace(args.charAt(start))) {
			start++;
		}
		int end = start;
		while (end < args.length() && !Character.isWhitespace(args.charAt(end))) {
			end++;
		}
		if (end == start) {
			return;
		}
		int sourceStart = from.toSource(start);
		int sourceEnd = from.toSource(end - 1) + 1;
		edits.replace(sourceStart, sourceEnd, image);
		tx.log().change(line, ruleId, dockerfile.text().substring(sourceStart, sourceEnd), image);
	}

	/**
	 * What the distro packages do differently from the official image, for the reviewer.
	 */
	private void notes(String ruleId, String resolved, String image, int line) {
		for (BaseImageRule rule : tx.rules().baseImageRules()) {
			if (rule.id().equals(ruleId) && rule.notes().isPresent() && !rule.installs().isEmpty()) {
				tx.log()
					.warn(line, "base-image-differs",
							resolved + " became " + image + " with distro packages: " + rule.notes().get());
			}
		}
	}

	/** {@code $NAME} or {@code ${NAME}}, else null. */
	private static String singleVariable(String written) {
		if (written.length() < 2 || written.charAt(0) != '$') {
			return null;
		}
		String name = written.charAt(1) == '{' && written.endsWith("}") ? written.substring(2, written.length() - 1)
				: written.substring(1);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!(Character.isLetterOrDigit(c) || c == '_')) {
				return null;
			}
		}
		return name.isEmpty() ? null : name;
	}

	private static boolean usesApk(Stage stage) {
		for (Instruction instruction : stage.instructions()) {
			if (instruction.keyword().equals("RUN")) {
				for (ShellCommand command : instruction.commands()) {
					if (command.name().filter("apk"::equals).isPresent()) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
