package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.dockerfile.Stage;
import dev.rebaser.rules.BaseImageChoice;
import dev.rebaser.rules.PackageMapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an Alpine-based stage had without asking and the target base lacks, given right
 * after the stage's FROM, so that every later RUN, CMD, ENTRYPOINT and HEALTHCHECK can
 * rely on it: the packages an official -alpine image brought, the packages behind BusyBox
 * applets the stage runs, CA certificates (every Alpine image has them), and the official
 * image's ENV and CMD.
 */
final class StageProvisions {

	private StageProvisions() {
	}

	static void provide(Stage stage, StagePlanner.Plan plan, TextEdits edits, Translation tx) {
		Instruction from = stage.from();
		StageState state = plan.state();
		if (!state.translated) {
			return;
		}
		int line = from.startLine();
		Set<String> names = new LinkedHashSet<>();
		BaseImageChoice.TargetBase base = plan.base();
		if (base != null) {
			for (String alpine : base.installs()) {
				PackageMapping mapping = tx.rules().packagesFor(alpine, tx.target());
				if (mapping instanceof PackageMapping.Install install) {
					addNew(install.names(), state, names);
				}
				else if (mapping instanceof PackageMapping.Unmapped) {
					tx.log()
						.warn(line, "unmapped-package", "the base image brought the Alpine package " + alpine
								+ ", which no rule maps to " + tx.target().distro().key());
				}
			}
		}
		for (Map.Entry<String, Integer> applet : state.appletsUsed.entrySet()) {
			if (tx.rules().appletPackages(applet.getKey(), tx.target()) instanceof PackageMapping.Install install) {
				// used before any install of the stage gave it: a later install does not
				// count
				List<String> added = new ArrayList<>();
				for (String name : install.names()) {
					if (names.add(name)) {
						added.add(name);
					}
				}
				if (!added.isEmpty()) {
					tx.log().change(applet.getValue(), install.ruleId(), applet.getKey(), String.join(" ", added));
				}
			}
		}
		if (CaCertificates.needed(tx.target(), state, names)) {
			names.add(CaCertificates.PACKAGE);
			tx.log().change(line, CaCertificates.RULE_ID, "", CaCertificates.PACKAGE);
		}
		String newline = from.text().endsWith("\r\n") ? "\r\n" : "\n";
		StringBuilder text = new StringBuilder(from.text().endsWith("\n") ? "" : newline);
		if (!names.isEmpty()) {
			List<String> list = new ArrayList<>(names);
			PackageCommands packages = tx.packages();
			String run = "RUN " + (packages.needsUpdate() ? packages.update() + " && " : "") + packages.install(list)
					+ " && " + packages.cleanup();
			text.append(run).append(newline);
			tx.log().change(line, "stage:install-after-from", "", run);
			for (String name : list) {
				tx.log().installed(line, name);
			}
			state.everInstalled.addAll(list);
			state.explicit.addAll(list);
		}
		if (base != null && !base.env().isEmpty()) {
			StringBuilder env = new StringBuilder("ENV");
			base.env().forEach((k, v) -> env.append(' ').append(k).append('=').append(envValue(v)));
			text.append(env).append(newline);
			tx.log().change(line, base.ruleId(), "", env.toString());
		}
		// A CMD of the stage overrides the base's, and an ENTRYPOINT resets it: only a
		// stage with neither needs it.
		if (base != null && !base.cmd().isEmpty() && !setsCommand(stage)) {
			StringBuilder cmd = new StringBuilder("CMD [");
			for (int i = 0; i < base.cmd().size(); i++) {
				cmd.append(i == 0 ? "" : ", ").append(Quoting.json(base.cmd().get(i)));
			}
			cmd.append(']');
			text.append(cmd).append(newline);
			tx.log().change(line, base.ruleId(), "", cmd.toString());
		}
		String prefix = from.text().endsWith("\n") ? "" : newline;
		if (text.length() > prefix.length()) {
			edits.insert(from.span().end(), text.toString());
		}
	}

	/**
	 * ENV keeps $VAR references: a value is only quoted (double quotes) when it has
	 * blanks or quotes.
	 */
	private static String envValue(String value) {
		boolean quote = value.isEmpty();
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\';
		}
		return quote ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : value;
	}

	private static boolean setsCommand(Stage stage) {
		for (Instruction instruction : stage.instructions()) {
			if (instruction.keyword().equals("CMD") || instruction.keyword().equals("ENTRYPOINT")) {
				return true;
			}
		}
		return false;
	}

	private static List<String> addNew(List<String> candidates, StageState state, Set<String> names) {
		List<String> added = new ArrayList<>();
		for (String name : candidates) {
			if (!state.everInstalled.contains(name) && names.add(name)) {
				added.add(name);
			}
		}
		return added;
	}

}
