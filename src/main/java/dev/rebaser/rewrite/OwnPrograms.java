package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Programs a stage puts in place itself, which a command of the same name runs rather
 * than a BusyBox applet: files it copies in or writes (COPY, ADD, the writers
 * {@link SelfProvidedPaths} knows, go build -o), and what it builds from source and
 * installs ({@code make install} and the like), whose names the rewrite cannot see.
 */
final class OwnPrograms {

	private OwnPrograms() {
	}

	/** What a COPY or ADD puts in place: its destination's name, or its sources'. */
	static void copied(Instruction instruction, StageState stage) {
		List<String> args = instruction.isExecForm() ? instruction.execArgs()
				: List.of(instruction.arguments().strip().split("\\s+"));
		if (args.size() < 2 || !instruction.heredocs().isEmpty()) {
			return;
		}
		String destination = args.get(args.size() - 1);
		if (destination.endsWith("/")) {
			for (String source : args.subList(0, args.size() - 1)) {
				stage.ownPrograms.add(name(source));
			}
		}
		else {
			stage.ownPrograms.add(name(destination));
		}
	}

	/** What a command of a RUN puts in place, noted as the script runs. */
	static void ran(ShellCommand command, StageState stage) {
		List<Word> words = command.words();
		String name = words.get(0).literal();
		if (name == null) {
			return;
		}
		if (installsBuiltSoftware(words)) {
			stage.buildsFromSource = true;
			return;
		}
		List<String> written = new ArrayList<>();
		if (SelfProvidedPaths.WRITERS.contains(name)) {
			SelfProvidedPaths.written(command).forEach(word -> written.add(word.literal()));
		}
		else if (name.equals("go") && words.size() > 1 && "build".equals(words.get(1).literal())) {
			for (int i = 2; i + 1 < words.size(); i++) {
				if ("-o".equals(words.get(i).literal())) {
					written.add(words.get(i + 1).literal());
				}
			}
		}
		for (String path : written) {
			if (path != null && !path.endsWith("/")) {
				stage.ownPrograms.add(name(path));
			}
		}
	}

	/**
	 * {@code make install}, {@code make -C dir install-strip}, {@code ninja install},
	 * {@code cmake --install}.
	 */
	private static boolean installsBuiltSoftware(List<Word> words) {
		String name = words.get(0).literal();
		boolean builder = name.equals("make") || name.equals("gmake") || name.equals("ninja") || name.equals("cmake");
		if (!builder) {
			return false;
		}
		for (Word word : words.subList(1, words.size())) {
			String literal = word.literal();
			if (literal != null
					&& (literal.equals("install") || literal.startsWith("install-") || literal.equals("--install"))) {
				return true;
			}
		}
		return false;
	}

	private static String name(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

}
