package dev.rebaser.catalog;

import java.util.List;
import java.util.Optional;

/** The images of one import, how they depend on each other, and what went wrong. */
public record Catalog(List<CatalogImage> images, DependencyGraph graph, List<CatalogProblem> problems) {

	public Catalog {
		images = List.copyOf(images);
		problems = List.copyOf(problems);
	}

	public Optional<CatalogImage> image(String id) {
		return images.stream().filter(image -> image.id().equals(id)).findFirst();
	}

	public List<CatalogProblem> problemsOf(String id) {
		return problems.stream().filter(problem -> id.equals(problem.image())).toList();
	}

}
