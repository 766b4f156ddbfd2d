package dev.rebaser.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read through SnakeYAML's node API, so that every problem can name the
 * line and column. {@code what} describes the mapping in messages ("package 'curl'").
 */
final class YamlMapping {

	private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON");

	private final String file;

	private final Node node;

	private final String what;

	private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

	private YamlMapping(String file, MappingNode node, String what) {
		this.file = file;
		this.node = node;
		this.what = what;
		for (NodeTuple tuple : node.getValue()) {
			Node keyNode = tuple.getKeyNode();
			if (!(keyNode instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
				throw error(keyNode, "a key in " + what + " must be plain text");
			}
			NodeTuple earlier = entries.putIfAbsent(scalar.getValue(), tuple);
			if (earlier != null) {
				throw error(keyNode, "duplicate key '" + scalar.getValue() + "' in " + what + " (first written at line "
						+ (earlier.getKeyNode().getStartMark().getLine() + 1) + ")");
			}
		}
	}

	static YamlMapping of(String file, Node node, String what) {
		if (node instanceof MappingNode mapping) {
			return new YamlMapping(file, mapping, what);
		}
		throw new RuleFileException(Position.of(file, node),
				what + " must be a mapping (key: value), not " + describe(node));
	}

	String file() {
		return file;
	}

	String what() {
		return what;
	}

	Position position() {
		return Position.of(file, node);
	}

	/** Rejects every key not in {@code allowed}, naming the ones that are. */
	YamlMapping allowOnly(Collection<String> allowed) {
		for (NodeTuple tuple : entries.values()) {
			String key = ((ScalarNode) tuple.getKeyNode()).getValue();
			if (!allowed.contains(key)) {
				throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected one of: "
						+ String.join(", ", new TreeSet<>(allowed)));
			}
		}
		return this;
	}

	Set<String> keys() {
		return entries.keySet();
	}

	boolean has(String key) {
		return entries.containsKey(key);
	}

	Node keyNode(String key) {
		return entries.get(key).getKeyNode();
	}

	Node value(String key) {
		return entries.get(key).getValueNode();
	}

	Position keyPosition(String key) {
		return Position.of(file, keyNode(key));
	}

	Position valuePosition(String key) {
		return Position.of(file, value(key));
	}

	YamlMapping mapping(String key) {
		return of(file, value(key), "'" + key + "' in " + what);
	}

	String text(String key) {
		if (!has(key)) {
			throw new RuleFileException(position(), what + " needs '" + key + "'");
		}
		return text(value(key), "'" + key + "' in " + what);
	}

	Optional<String> optionalText(String key) {
		return has(key) ? Optional.of(text(key)) : Optional.empty();
	}

	boolean bool(String key, boolean otherwise) {
		if (!has(key)) {
			return otherwise;
		}
		Node value = value(key);
		if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
			return TRUE.contains(scalar.getValue());
		}
		throw error(value, "'" + key + "' in " + what + " must be true or false, not " + describe(value));
	}

	/** The list under {@code key}, empty when the key is absent. */
	List<String> textList(String key) {
		return has(key) ? textList(value(key), "'" + key + "' in " + what) : List.of();
	}

	/**
	 * The list under {@code key} with where each item was written, empty when the key is
	 * absent.
	 */
	List<Located<String>> locatedTextList(String key) {
		if (!has(key)) {
			return List.of();
		}
		List<String> texts = textList(key);
		List<Node> items = ((SequenceNode) value(key)).getValue();
		List<Located<String>> located = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			located.add(new Located<>(texts.get(i), Position.of(file, items.get(i))));
		}
		return located;
	}

	List<String> textList(Node value, String description) {
		if (!(value instanceof SequenceNode sequence)) {
			throw error(value, description + " must be a list, not " + describe(value));
		}
		List<String> texts = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			texts.add(text(item, "an item of " + description));
		}
		return List.copyOf(texts);
	}

	String text(Node value, String description) {
		if (value instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
			if (scalar.getValue().isBlank()) {
				throw error(value, description + " must not be empty");
			}
			return scalar.getValue();
		}
		throw error(value, description + " must be text, not " + describe(value));
	}

	RuleFileException error(Node at, String problem) {
		return new RuleFileException(Position.of(file, at), problem);
	}

	static String describe(Node node) {
		if (node instanceof MappingNode) {
			return "a mapping";
		}
		if (node instanceof SequenceNode) {
			return "a list";
		}
		ScalarNode scalar = (ScalarNode) node;
		if (scalar.getTag().equals(Tag.NULL)) {
			return "nothing";
		}
		if (scalar.getTag().equals(Tag.BOOL) || scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT)) {
			return "the value " + scalar.getValue();
		}
		return "the text '" + scalar.getValue() + "'";
	}

}
