package dev.rebaser.dockerfile;

/**
 * A top-level piece of a Dockerfile; the nodes of a file cover its text exactly once, in
 * order.
 */
public sealed interface Node permits Trivia, Directive, Instruction {

	Span span();

	String text();

}
