package dev.rebaser.gobuild;

/**
 * One Go program an image Makefile builds: the word {@code src} of its SRCS, built from
 * {@code ./packageDir} (the folder of {@code src}, {@code "."} for a plain name) into
 * {@code <TARGET>/<src>}, a file named {@code outputName}. {@code line} is the 1-based
 * line of the Makefile the word is on.
 */
public record GoBinary(String src, String packageDir, String outputName, int line) {

	static GoBinary of(String src, int line) {
		int slash = src.lastIndexOf('/');
		return slash < 0 ? new GoBinary(src, ".", src, line)
				: new GoBinary(src, src.substring(0, slash), src.substring(slash + 1), line);
	}

}
