package dev.rebaser.rewrite;

import java.util.List;

/** The REWRITE-REPORT.md placed into a rewritten build context. */
public final class RewriteReport {

	private RewriteReport() {
	}

	public static String markdown(String fileName, RewriteResult result, BaseImageFileResult baseImage) {
		StringBuilder out = new StringBuilder("# Rewrite report: ").append(fileName).append("\n\n");
		if (result.target() != null) {
			out.append("Target: `").append(result.target()).append("`\n\n");
		}
		out.append("Lines are lines of the original file. Everything not listed here is unchanged.\n\n");
		changes(out, fileName, result.changes());
		if (baseImage != null) {
			changes(out, "BASEIMAGE", baseImage.changes());
		}
		out.append("## Warnings\n\n");
		List<RewriteWarning> warnings = baseImage == null ? result.warnings()
				: java.util.stream.Stream.concat(result.warnings().stream(), baseImage.warnings().stream()).toList();
		if (warnings.isEmpty()) {
			out.append("None.\n\n");
		}
		else {
			out.append("| line | code | message |\n|---:|---|---|\n");
			for (RewriteWarning w : warnings) {
				out.append("| ")
					.append(w.line())
					.append(" | ")
					.append(w.code())
					.append(" | ")
					.append(cell(w.message()))
					.append(" |\n");
			}
			out.append('\n');
		}
		notes(out, result);
		return out.toString();
	}

	private static void changes(StringBuilder out, String file, List<Change> changes) {
		out.append("## Changes in ").append(file).append("\n\n");
		if (changes.isEmpty()) {
			out.append("None.\n\n");
			return;
		}
		out.append("| line | rule | before | after |\n|---:|---|---|---|\n");
		for (Change c : changes) {
			out.append("| ")
				.append(c.line())
				.append(" | `")
				.append(c.ruleId())
				.append("` | ")
				.append(code(c.before()))
				.append(" | ")
				.append(code(c.after()))
				.append(" |\n");
		}
		out.append('\n');
	}

	/** Why the engine did what it did where the rules alone do not say. */
	private static void notes(StringBuilder out, RewriteResult result) {
		StringBuilder notes = new StringBuilder();
		for (Change c : result.changes()) {
			String id = c.ruleId();
			if (id.equals("dialect:CROSS_BUILD_COPY") && notes.indexOf("CROSS_BUILD_COPY") < 0) {
				notes
					.append("- `CROSS_BUILD_COPY` of the QEMU binary was dropped: the build host runs foreign binaries "
							+ "through binfmt_misc with the `F` flag, so containers need no copy of QEMU.\n");
			}
			else if (id.equals("stage:install-after-from") && notes.indexOf("right after") < 0) {
				notes.append("- Packages the Alpine base had without asking (BusyBox applets, CA certificates, what an "
						+ "official -alpine image installed) are installed by a new RUN right after the stage's FROM, "
						+ "so every later instruction can use them.\n");
			}
			else if (id.equals("heredoc:lower") && notes.indexOf("heredoc") < 0) {
				notes.append(
						"- RUN heredocs were rewritten for the classic builder: plain command lines joined with `;`, "
								+ "anything else fed to `sh` line by line.\n");
			}
			else if (id.equals("apk:del") && notes.indexOf("--virtual") < 0) {
				notes.append(
						"- `apk del` of a `--virtual` group purges exactly the packages that group installed (marked automatic, then autoremoved, so nothing that is still needed goes) and "
								+ "that the stage did not also install explicitly.\n");
			}
		}
		if (!notes.isEmpty()) {
			out.append("## Notes\n\n").append(notes).append('\n');
		}
	}

	private static String code(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		return "`" + cell(text).replace("`", "'") + "`";
	}

	private static String cell(String text) {
		return text.replace("\\\n", " ").replace("\r", "").replace("\n", " ⏎ ").replace("|", "\\|");
	}

}
