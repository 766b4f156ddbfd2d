package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Placeholder until the shell analysis lands: one command per line, words split at blanks. */
public final class ShellScript {

    private final String source;
    private final List<ShellCommand> commands;

    private ShellScript(String source, List<ShellCommand> commands) {
        this.source = source;
        this.commands = commands;
    }

    public static ShellScript parse(String source) {
        List<ShellCommand> commands = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= source.length()) {
            int lineEnd = source.indexOf('\n', lineStart);
            boolean last = lineEnd < 0;
            if (last) {
                lineEnd = source.length();
            }
            List<Word> words = new ArrayList<>();
            int i = lineStart;
            while (i < lineEnd) {
                while (i < lineEnd && Character.isWhitespace(source.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < lineEnd && !Character.isWhitespace(source.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    String raw = source.substring(start, i);
                    words.add(new Word(raw, new Span(start, i), raw));
                }
            }
            if (!words.isEmpty()) {
                Span span = new Span(words.get(0).span().start(), words.get(words.size() - 1).span().end());
                commands.add(new ShellCommand(List.of(), words, List.of(), span, last ? "" : "\n"));
            }
            if (last) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return new ShellScript(source, commands);
    }

    public String source() {
        return source;
    }

    public List<ShellCommand> commands() {
        return commands;
    }

    public Optional<String> problem() {
        return Optional.empty();
    }
}
