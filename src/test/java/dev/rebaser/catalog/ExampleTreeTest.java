package dev.rebaser.catalog;

import org.junit.jupiter.api.Test;

class ExampleTreeTest {

	@Test
	void prints() {
		Catalog catalog = ExampleTree.load();
		catalog.images().forEach(i -> System.out.println(i.id() + " " + i.reference() + " " + i.origin() + " " + i.contextPath() + " bases=" + i.bases() + " parents=" + catalog.graph().parents(i.id())));
		catalog.problems().forEach(System.out::println);
		System.out.println(catalog.graph().byLevel());
		System.out.println(catalog.graph().unresolvable());
	}

}
