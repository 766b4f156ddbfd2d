package dev.rebaser.rules;

import org.yaml.snakeyaml.nodes.Node;

/** Where something was written: file, 1-based line and column. */
record Position(String file, int line, int column) {

	static Position of(String file, Node node) {
		return new Position(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
	}

	@Override
	public String toString() {
		return file + ":" + line + ":" + column;
	}
}
