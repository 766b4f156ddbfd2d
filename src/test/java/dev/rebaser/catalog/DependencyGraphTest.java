package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

	/** "child<-parent" edges; every id mentioned is a node, named like its id. */
	private static DependencyGraph graph(List<String> ids, Map<String, String> unresolvable, String... edges) {
		Map<String, String> names = new LinkedHashMap<>();
		ids.forEach(id -> names.put(id, id));
		Map<String, Set<String>> parents = new LinkedHashMap<>();
		for (String edge : edges) {
			String[] parts = edge.split("<-");
			parents.computeIfAbsent(parts[0], k -> new LinkedHashSet<>()).add(parts[1]);
		}
		return new DependencyGraph(names, parents, unresolvable);
	}

	@Test
	void ordersParentsBeforeChildrenLevelByLevelAndByNameWithinALevel() {
		// declared in an order that is neither alphabetical nor topological
		DependencyGraph graph = graph(List.of("nautilus", "kitten", "zeta", "agnhost", "alpha", "frontend"), Map.of(),
				"kitten<-agnhost", "nautilus<-agnhost", "frontend<-kitten", "frontend<-zeta");

		assertThat(graph.byLevel()).containsExactly(List.of("agnhost", "alpha", "zeta"), List.of("kitten", "nautilus"),
				List.of("frontend"));
		assertThat(graph.order()).containsExactly("agnhost", "alpha", "zeta", "kitten", "nautilus", "frontend");
		assertThat(graph.levels()).isEqualTo(3);
		assertThat(graph.level("frontend")).contains(2);
		assertThat(graph.parents("frontend")).containsExactly("kitten", "zeta");
		assertThat(graph.children("agnhost")).containsExactly("kitten", "nautilus");
		assertThat(graph.cycles()).isEmpty();
		assertThat(graph.unresolvable()).isEmpty();
	}

	@Test
	void theLevelCountIsTheLongestChainNotTheNumberOfImages() {
		DependencyGraph wide = graph(List.of("a", "b", "c", "d"), Map.of(), "b<-a", "c<-a", "d<-a");
		DependencyGraph chain = graph(List.of("a", "b", "c", "d"), Map.of(), "b<-a", "c<-b", "d<-c");
		DependencyGraph diamond = graph(List.of("a", "b", "c", "d"), Map.of(), "b<-a", "c<-a", "d<-b", "d<-c", "d<-a");

		assertThat(wide.levels()).isEqualTo(2);
		assertThat(chain.levels()).isEqualTo(4);
		assertThat(diamond.levels()).isEqualTo(3);
		assertThat(diamond.level("d")).contains(2);
	}

	@Test
	void aCycleIsNamedAndKeepsItselfAndWhatIsBuiltOnItOutOfTheOrder() {
		DependencyGraph graph = graph(List.of("base", "a", "b", "c", "on-top", "free"), Map.of(), "a<-base", "b<-a",
				"a<-b", "on-top<-b", "c<-base");

		assertThat(graph.cycles()).containsExactly(List.of("a", "b", "a"));
		assertThat(DependencyGraph.describe(graph.cycles().get(0))).isEqualTo("a → b → a");
		assertThat(graph.order()).containsExactly("base", "free", "c");
		assertThat(graph.level("a")).isEmpty();
		assertThat(graph.unresolvable()).containsOnlyKeys("a", "b", "on-top");
		assertThat(graph.unresolvable("a")).hasValue("part of the cycle a → b → a");
		assertThat(graph.unresolvable("on-top"))
			.hasValueSatisfying(reason -> assertThat(reason).startsWith("built on b").contains("a → b → a"));
	}

	@Test
	void findsLongerCyclesAndSelfReferences() {
		DependencyGraph graph = graph(List.of("x", "y", "z", "self"), Map.of(), "y<-x", "z<-y", "x<-z", "self<-self");

		assertThat(graph.cycles()).containsExactly(List.of("self", "self"), List.of("x", "y", "z", "x"));
		assertThat(graph.order()).isEmpty();
		assertThat(graph.levels()).isZero();
	}

	@Test
	void whatIsBuiltOnAnUnresolvableImageCannotBeBuiltEitherAndSaysWhy() {
		DependencyGraph graph = graph(List.of("old", "mid", "top", "other"),
				Map.of("old", "stage 1: base foo/bar:1 has no catalog entry and no base-image rule"), "mid<-old",
				"top<-mid");

		assertThat(graph.unresolvable()).containsOnlyKeys("old", "mid", "top");
		assertThat(graph.unresolvable("top")).hasValueSatisfying(reason -> assertThat(reason).isEqualTo(
				"built on mid, which cannot be built: stage 1: base foo/bar:1 has no catalog entry and no base-image rule"));
		// still in the order: they are not in a cycle, a queue shows them where they
		// would be built
		assertThat(graph.order()).containsExactly("old", "other", "mid", "top");
	}

	@Test
	void refusesEdgesToUnknownImagesAndQuestionsAboutThem() {
		assertThatThrownBy(() -> graph(List.of("a"), Map.of(), "a<-ghost")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ghost");
		assertThatThrownBy(() -> graph(List.of("a"), Map.of()).parents("b"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
