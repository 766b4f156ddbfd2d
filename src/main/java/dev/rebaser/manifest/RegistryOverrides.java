package dev.rebaser.manifest;

import java.io.StringReader;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The contents of a KUBE_TEST_REPO_LIST file: yaml keys of RegistryList fields mapped to
 * registries. Read the way Go's yaml.v2 unmarshals it into the struct: only the first
 * document counts, scalars are taken as written, null empties a field, and keys are
 * matched later against the yaml tags of the RegistryList in the manifest being read.
 */
public final class RegistryOverrides {

	private static final RegistryOverrides NONE = new RegistryOverrides(Map.of());

	private final Map<String, String> values;

	private RegistryOverrides(Map<String, String> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	public static RegistryOverrides none() {
		return NONE;
	}

	/**
	 * @throws IllegalArgumentException when the text is not YAML or not a mapping of
	 * strings
	 */
	public static RegistryOverrides fromYaml(String yaml) {
		if (yaml == null) {
			throw new IllegalArgumentException("KUBE_TEST_REPO_LIST content is missing");
		}
		Node root;
		try {
			Iterator<Node> documents = new Yaml(new SafeConstructor(new LoaderOptions()))
				.composeAll(new StringReader(yaml))
				.iterator();
			root = documents.hasNext() ? documents.next() : null;
		}
		catch (YAMLException e) {
			throw new IllegalArgumentException("KUBE_TEST_REPO_LIST is not valid YAML: " + e.getMessage(), e);
		}
		if (root == null || root instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
			return NONE;
		}
		if (!(root instanceof MappingNode mapping)) {
			throw new IllegalArgumentException("KUBE_TEST_REPO_LIST must be a mapping of registry keys to "
					+ "registries (e.g. 'dockerLibraryRegistry: my.reg/library'), found a " + kind(root) + " at line "
					+ (root.getStartMark().getLine() + 1));
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			Node keyNode = tuple.getKeyNode();
			Node valueNode = tuple.getValueNode();
			int line = keyNode.getStartMark().getLine() + 1;
			if (!(keyNode instanceof ScalarNode key)) {
				throw new IllegalArgumentException("KUBE_TEST_REPO_LIST line " + line + ": a key must be a plain "
						+ "string, found a " + kind(keyNode));
			}
			if (!(valueNode instanceof ScalarNode value)) {
				throw new IllegalArgumentException("KUBE_TEST_REPO_LIST line " + line + ": '" + key.getValue()
						+ "' must be a registry string, found a " + kind(valueNode));
			}
			values.put(key.getValue(), value.getTag().equals(Tag.NULL) ? "" : value.getValue());
		}
		return new RegistryOverrides(values);
	}

	Map<String, String> values() {
		return values;
	}

	boolean isEmpty() {
		return values.isEmpty();
	}

	private static String kind(Node node) {
		return switch (node.getNodeId()) {
			case scalar -> "string";
			case sequence -> "list";
			case mapping -> "mapping";
			default -> node.getNodeId().name();
		};
	}

	@Override
	public String toString() {
		return "RegistryOverrides" + values;
	}

}
