package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.dockerfile.Span;
import dev.rebaser.dockerfile.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON strings of an exec-form argument list, as words with spans in the Dockerfile's
 * text.
 */
final class ExecTokens {

	private ExecTokens() {
	}

	/**
	 * @param from offset in {@code instruction.arguments()} where the JSON array starts
	 */
	static List<Word> of(Instruction instruction, String sourceText, int from) {
		String args = instruction.arguments();
		List<Word> words = new ArrayList<>();
		int i = from;
		while (i < args.length()) {
			char c = args.charAt(i);
			if (c != '"') {
				i++;
				continue;
			}
			int start = i;
			StringBuilder value = new StringBuilder();
			i++;
			while (i < args.length() && args.charAt(i) != '"') {
				char d = args.charAt(i);
				if (d == '\\' && i + 1 < args.length()) {
					i++;
					char e = args.charAt(i);
					switch (e) {
						case 'n' -> value.append('\n');
						case 't' -> value.append('\t');
						case 'r' -> value.append('\r');
						case 'b' -> value.append('\b');
						case 'f' -> value.append('\f');
						case 'u' -> {
							if (i + 4 < args.length()) {
								value.append((char) Integer.parseInt(args.substring(i + 1, i + 5), 16));
								i += 4;
							}
						}
						default -> value.append(e);
					}
				}
				else {
					value.append(d);
				}
				i++;
			}
			int end = Math.min(i + 1, args.length());
			int sourceStart = instruction.toSource(start);
			int sourceEnd = instruction.toSource(end - 1) + 1;
			words.add(new Word(sourceText.substring(sourceStart, sourceEnd), new Span(sourceStart, sourceEnd),
					value.toString()));
			i = end;
		}
		return words;
	}

}
