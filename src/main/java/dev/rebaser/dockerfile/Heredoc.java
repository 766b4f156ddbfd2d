package dev.rebaser.dockerfile;

/** A here-document of a RUN, COPY or ADD instruction. */
public record Heredoc(String delimiter, boolean stripTabs, boolean quoted, int fd, Span bodySpan, Span terminatorSpan,
		String content) {
}
