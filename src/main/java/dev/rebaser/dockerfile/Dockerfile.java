package dev.rebaser.dockerfile;

import java.util.List;

/**
 * A parsed Dockerfile: the text and the nodes covering it, plus the structure Docker
 * derives from it.
 */
public final class Dockerfile {

	private final SourceText source;

	private final List<Node> nodes;

	private final List<Instruction> instructions;

	private final List<Directive> directives;

	private final List<Stage> stages;

	Dockerfile(SourceText source, List<Node> nodes, List<Instruction> instructions, List<Directive> directives,
			List<Stage> stages) {
		this.source = source;
		this.nodes = List.copyOf(nodes);
		this.instructions = List.copyOf(instructions);
		this.directives = List.copyOf(directives);
		this.stages = stages;
	}

	public String text() {
		return source.text;
	}

	public String print() {
		StringBuilder out = new StringBuilder(source.text.length());
		for (Node node : nodes) {
			out.append(node.text());
		}
		return out.toString();
	}

	public List<Node> nodes() {
		return nodes;
	}

	public List<Instruction> instructions() {
		return instructions;
	}

	public List<Directive> directives() {
		return directives;
	}

	public char escape() {
		return source.escape;
	}

	public List<Stage> stages() {
		return stages;
	}

	public List<Instruction> globalArgs() {
		return source.globalArgs;
	}

	public int lineOf(int offset) {
		return source.lineOf(offset);
	}

	public int columnOf(int offset) {
		return source.columnOf(offset);
	}

}
