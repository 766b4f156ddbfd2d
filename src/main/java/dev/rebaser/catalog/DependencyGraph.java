package dev.rebaser.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which catalog image is built on which. An edge goes from a parent (a base) to a child
 * (an image built on it). Kubernetes has no build order of its own; this is it: images in
 * topological order, in levels that can be built side by side, images in a cycle
 * reported, and images that cannot be built marked with the reason (those built on them
 * inherit it).
 */
public final class DependencyGraph {

	private final Map<String, String> names;

	private final Map<String, Set<String>> parents;

	private final Map<String, Set<String>> children;

	private final List<List<String>> cycles;

	private final List<List<String>> levels;

	private final Map<String, Integer> levelOf;

	private final Map<String, String> unresolvable;

	/**
	 * @param names every node: id to image name (sorting key within a level), in catalog
	 * order
	 * @param parents id to the ids it is built on
	 * @param unresolvable id to why it cannot be built, as found by the import
	 */
	DependencyGraph(Map<String, String> names, Map<String, Set<String>> parents, Map<String, String> unresolvable) {
		this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
		Map<String, Set<String>> up = new LinkedHashMap<>();
		Map<String, Set<String>> down = new LinkedHashMap<>();
		names.keySet().forEach(id -> {
			up.put(id, new TreeSet<>(byName()));
			down.put(id, new TreeSet<>(byName()));
		});
		parents.forEach((child, of) -> of.forEach(parent -> {
			if (!names.containsKey(child) || !names.containsKey(parent)) {
				throw new IllegalArgumentException(
						"edge " + parent + " -> " + child + " names an image not in the graph");
			}
			up.get(child).add(parent);
			down.get(parent).add(child);
		}));
		up.replaceAll((id, set) -> Collections.unmodifiableSet(set));
		down.replaceAll((id, set) -> Collections.unmodifiableSet(set));
		this.parents = up;
		this.children = down;
		this.cycles = findCycles();
		this.levelOf = new HashMap<>();
		this.levels = layer();
		this.unresolvable = propagate(unresolvable);
	}

	public Set<String> ids() {
		return names.keySet();
	}

	/** The images {@code id} is built on, directly. */
	public Set<String> parents(String id) {
		return known(parents, id);
	}

	/** The images built directly on {@code id}. */
	public Set<String> children(String id) {
		return known(children, id);
	}

	/**
	 * Every image that is neither in a cycle nor built on one, parents before children:
	 * level by level, by name within a level.
	 */
	public List<String> order() {
		return levels.stream().flatMap(List::stream).toList();
	}

	/**
	 * The images of each level: level 0 has no parent in the catalog, level n builds on
	 * level n-1 at most.
	 */
	public List<List<String>> byLevel() {
		return levels;
	}

	/**
	 * How many levels there are: the length of the critical path, the least number of
	 * build rounds.
	 */
	public int levels() {
		return levels.size();
	}

	/** The level of an image, empty for one in or below a cycle. */
	public Optional<Integer> level(String id) {
		known(parents, id);
		return Optional.ofNullable(levelOf.get(id));
	}

	/** Every cycle as the ids along it, first one repeated at the end: [a, b, a]. */
	public List<List<String>> cycles() {
		return cycles;
	}

	/**
	 * Images that cannot be built, with the reason; includes those in or built on a
	 * cycle.
	 */
	public Map<String, String> unresolvable() {
		return unresolvable;
	}

	public Optional<String> unresolvable(String id) {
		return Optional.ofNullable(unresolvable.get(id));
	}

	static String describe(List<String> cycle) {
		return String.join(" → ", cycle);
	}

	private Comparator<String> byName() {
		return Comparator.comparing((String id) -> names.getOrDefault(id, id)).thenComparing(Comparator.naturalOrder());
	}

	private static Set<String> known(Map<String, Set<String>> edges, String id) {
		Set<String> set = edges.get(id);
		if (set == null) {
			throw new IllegalArgumentException("no image " + id + " in the graph");
		}
		return set;
	}

	/**
	 * Kahn's algorithm, one level at a time; what is left over sits in or below a cycle.
	 */
	private List<List<String>> layer() {
		Map<String, Integer> waiting = new HashMap<>();
		parents.forEach((id, of) -> waiting.put(id, of.size()));
		List<String> current = names.keySet().stream().filter(id -> waiting.get(id) == 0).sorted(byName()).toList();
		List<List<String>> result = new ArrayList<>();
		while (!current.isEmpty()) {
			int level = result.size();
			result.add(current);
			TreeSet<String> next = new TreeSet<>(byName());
			for (String id : current) {
				levelOf.put(id, level);
				for (String child : children.get(id)) {
					if (waiting.merge(child, -1, Integer::sum) == 0) {
						next.add(child);
					}
				}
			}
			current = List.copyOf(next);
		}
		return List.copyOf(result);
	}

	/**
	 * Tarjan's strongly connected components; each with more than one image, or a self
	 * edge, is a cycle.
	 */
	private List<List<String>> findCycles() {
		Map<String, Integer> index = new HashMap<>();
		Map<String, Integer> low = new HashMap<>();
		Deque<String> stack = new ArrayDeque<>();
		Set<String> onStack = new HashSet<>();
		List<Set<String>> components = new ArrayList<>();
		for (String id : names.keySet()) {
			if (!index.containsKey(id)) {
				strongConnect(id, index, low, stack, onStack, components);
			}
		}
		List<List<String>> found = new ArrayList<>();
		for (Set<String> component : components) {
			String start = component.stream().min(byName()).orElseThrow();
			if (component.size() > 1 || parents.get(start).contains(start)) {
				found.add(cycleThrough(start, component));
			}
		}
		found.sort(Comparator.comparing(cycle -> names.get(cycle.get(0))));
		return List.copyOf(found);
	}

	// Recursive: catalogs hold tens of images, not thousands.
	private void strongConnect(String id, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
			Set<String> onStack, List<Set<String>> components) {
		index.put(id, index.size());
		low.put(id, index.get(id));
		stack.push(id);
		onStack.add(id);
		for (String child : children.get(id)) {
			if (!index.containsKey(child)) {
				strongConnect(child, index, low, stack, onStack, components);
				low.put(id, Math.min(low.get(id), low.get(child)));
			}
			else if (onStack.contains(child)) {
				low.put(id, Math.min(low.get(id), index.get(child)));
			}
		}
		if (low.get(id).equals(index.get(id))) {
			Set<String> component = new LinkedHashSet<>();
			String member;
			do {
				member = stack.pop();
				onStack.remove(member);
				component.add(member);
			}
			while (!member.equals(id));
			components.add(component);
		}
	}

	/**
	 * A shortest way from start back to itself inside its component, following parent →
	 * child edges.
	 */
	private List<String> cycleThrough(String start, Set<String> component) {
		Map<String, String> cameFrom = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of(start));
		while (!queue.isEmpty()) {
			String id = queue.poll();
			for (String child : children.get(id)) {
				if (!component.contains(child)) {
					continue;
				}
				if (child.equals(start)) {
					List<String> path = new ArrayList<>(List.of(start));
					for (String at = id; !at.equals(start); at = cameFrom.get(at)) {
						path.add(1, at);
					}
					path.add(start);
					return List.copyOf(path);
				}
				if (!cameFrom.containsKey(child)) {
					cameFrom.put(child, id);
					queue.add(child);
				}
			}
		}
		throw new IllegalStateException("no cycle through " + start);
	}

	private Map<String, String> propagate(Map<String, String> direct) {
		Map<String, String> reasons = new LinkedHashMap<>();
		for (List<String> cycle : cycles) {
			String text = "part of the cycle " + describe(cycle);
			cycle.forEach(id -> reasons.putIfAbsent(id, text));
		}
		for (String id : names.keySet()) {
			if (direct.containsKey(id)) {
				reasons.putIfAbsent(id, direct.get(id));
			}
		}
		// Children inherit, nearest cause first: walk down from every image that has a
		// reason of its own.
		Deque<String> queue = new ArrayDeque<>(reasons.keySet());
		while (!queue.isEmpty()) {
			String id = queue.poll();
			for (String child : children.get(id)) {
				if (!reasons.containsKey(child)) {
					reasons.put(child, "built on " + id + ", which cannot be built: " + rootCause(reasons.get(id)));
					queue.add(child);
				}
			}
		}
		Map<String, String> ordered = new LinkedHashMap<>();
		names.keySet().stream().filter(reasons::containsKey).forEach(id -> ordered.put(id, reasons.get(id)));
		return Collections.unmodifiableMap(ordered);
	}

	private static String rootCause(String reason) {
		String marker = ", which cannot be built: ";
		int at = reason.lastIndexOf(marker);
		return at < 0 ? reason : reason.substring(at + marker.length());
	}

}
