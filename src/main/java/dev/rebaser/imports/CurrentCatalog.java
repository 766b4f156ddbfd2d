package dev.rebaser.imports;

import dev.rebaser.catalog.AddressPolicy;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImporter.Snapshot;
import dev.rebaser.catalog.CatalogImporter;
import dev.rebaser.catalog.CatalogProblem;
import dev.rebaser.imports.CatalogStore.CatalogImport;
import dev.rebaser.rules.RuleSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The catalog the service works on: the newest import kept in the database. On the first
 * start that is the bundled example tree, so a new installation has images to show and
 * build; with {@code rebaser.catalog.tree} set, that Kubernetes checkout is imported at
 * every start. Without a database (a web slice) the catalog is imported in memory only.
 */
@Component
@EnableConfigurationProperties(CatalogProperties.class)
public class CurrentCatalog {

	private final CatalogImporter importer;

	private final CatalogStore store;

	private final String tree;

	private final Clock clock = Clock.systemUTC();

	private volatile State state;

	private record State(Catalog catalog, CatalogImport record) {
	}

	public CurrentCatalog(RuleSet rules, ObjectProvider<CatalogStore> store, CatalogProperties properties) {
		this.importer = new CatalogImporter(rules, rules.defaultTarget(),
				AddressPolicy.of(properties.allowPrivateFetches()));
		this.store = store.getIfAvailable();
		this.tree = properties.tree();
	}

	public Catalog get() {
		return state().catalog();
	}

	/**
	 * The import the catalog comes from; its id is 0 when it is not kept in a database.
	 */
	public CatalogImport source() {
		return state().record();
	}

	/**
	 * Makes the snapshot's catalog the current one and keeps it; a tree without a single
	 * image is refused.
	 */
	public synchronized CatalogImport replace(Snapshot snapshot, String actor) throws IOException {
		Catalog catalog = importer.importSnapshot(snapshot);
		if (catalog.images().isEmpty()) {
			throw new EmptyCatalogException(snapshot.origin(), catalog);
		}
		CatalogImport record = keep(snapshot, catalog, actor);
		state = new State(catalog, record);
		return record;
	}

	/**
	 * The first start imports the example tree now, so the dashboard is populated before
	 * anyone asks.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void loadAtStart() {
		state();
	}

	public CatalogImporter importer() {
		return importer;
	}

	private State state() {
		State current = state;
		if (current == null) {
			synchronized (this) {
				if (state == null) {
					state = load();
				}
				current = state;
			}
		}
		return current;
	}

	private State load() {
		try {
			Optional<CatalogStore.Stored> latest = store == null ? Optional.empty() : store.latest();
			if (!tree.isBlank()) {
				Snapshot snapshot = importer.snapshotDirectory(java.nio.file.Path.of(tree));
				Catalog catalog = importer.importSnapshot(snapshot);
				// an unchanged checkout is not kept again at every start
				boolean kept = latest.map(CatalogStore.Stored::snapshot)
					.filter(stored -> stored.origin().equals(snapshot.origin())
							&& java.util.Arrays.equals(stored.tarGz(), snapshot.tarGz()))
					.isPresent();
				return new State(catalog,
						kept ? latest.get().record() : keep(snapshot, catalog, "rebaser.catalog.tree"));
			}
			if (latest.isPresent()) {
				return new State(importer.importSnapshot(latest.get().snapshot()), latest.get().record());
			}
			Snapshot example = CatalogImporter.exampleSnapshot();
			Catalog catalog = importer.importSnapshot(example);
			return new State(catalog, keep(example, catalog, "first start"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot import the catalog " + (tree.isBlank() ? "" : tree), ex);
		}
	}

	private CatalogImport keep(Snapshot snapshot, Catalog catalog, String actor) {
		int problems = (int) catalog.problems()
			.stream()
			.filter(problem -> problem.severity() != CatalogProblem.Severity.INFO)
			.count();
		if (store == null) {
			return new CatalogImport(0, snapshot.origin(), clock.instant(), actor, catalog.images().size(), problems);
		}
		return store.save(snapshot, actor, catalog.images().size(), problems, clock.instant());
	}

	/** An import that found no image at all; its problems say why. */
	public static final class EmptyCatalogException extends RuntimeException {

		private final transient Catalog catalog;

		public EmptyCatalogException(String origin, Catalog catalog) {
			super(origin + " holds no image to import");
			this.catalog = catalog;
		}

		public Catalog catalog() {
			return catalog;
		}

	}

}
