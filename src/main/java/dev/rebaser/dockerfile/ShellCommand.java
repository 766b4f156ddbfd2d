package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/** Placeholder until the shell analysis lands: one simple command. */
public record ShellCommand(List<Word> assignments, List<Word> words, List<Word> redirects, Span span,
                           String separator) {

    public List<String> argv() {
        List<String> argv = new ArrayList<>(words.size());
        for (Word word : words) {
            argv.add(word.raw());
        }
        return argv;
    }

    public Optional<String> name() {
        return words.isEmpty() ? Optional.empty() : Optional.ofNullable(words.get(0).literal());
    }

    public ShellCommand shifted(IntUnaryOperator toSource) {
        return new ShellCommand(shift(assignments, toSource), shift(words, toSource), shift(redirects, toSource),
                shift(span, toSource), separator);
    }

    private static List<Word> shift(List<Word> words, IntUnaryOperator toSource) {
        List<Word> shifted = new ArrayList<>(words.size());
        for (Word word : words) {
            shifted.add(new Word(word.raw(), shift(word.span(), toSource), word.literal()));
        }
        return shifted;
    }

    private static Span shift(Span span, IntUnaryOperator toSource) {
        int start = toSource.applyAsInt(span.start());
        return new Span(start, span.length() == 0 ? start : toSource.applyAsInt(span.end() - 1) + 1);
    }
}
