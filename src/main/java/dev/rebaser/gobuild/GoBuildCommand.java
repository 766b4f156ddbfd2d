package dev.rebaser.gobuild;

import java.util.List;

/**
 * The {@code go build} that {@code image-util.sh bin} runs for one program, as separate
 * arguments for a process, never a shell line: from {@code test/images/<folder>},
 * {@code go build -a -installsuffix cgo -ldflags "-w <LD_FLAGS>" -o <outDir>/<src>
 * ./<packageDir>}.
 */
public record GoBuildCommand(String workingDirectory, List<String> arguments) {

	public GoBuildCommand {
		arguments = List.copyOf(arguments);
	}

	/**
	 * @param imageFolder the folder under {@code test/images}, such as {@code agnhost}
	 * @param ldFlags the Makefile's LD_FLAGS, empty when it sets none
	 * @param outDir where the binaries go, such as {@code /out}
	 */
	public static GoBuildCommand of(String imageFolder, GoBinary binary, String ldFlags, String outDir) {
		if (!cleanRelative(imageFolder)) {
			throw new IllegalArgumentException("not an image folder: " + imageFolder);
		}
		String out = outDir.endsWith("/") && outDir.length() > 1 ? outDir.substring(0, outDir.length() - 1) : outDir;
		if (out.isEmpty()) {
			throw new IllegalArgumentException("no output folder");
		}
		String flags = ldFlags.isBlank() ? "-w" : "-w " + ldFlags.strip();
		return new GoBuildCommand("test/images/" + imageFolder, List.of("go", "build", "-a", "-installsuffix", "cgo",
				"-ldflags", flags, "-o", out + "/" + binary.src(), "./" + binary.packageDir()));
	}

	private static boolean cleanRelative(String path) {
		if (path.isEmpty() || path.startsWith("/") || path.startsWith("-")) {
			return false;
		}
		for (String segment : path.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
					|| !ImageMakefile.isPlainName(segment)) {
				return false;
			}
		}
		return true;
	}

}
