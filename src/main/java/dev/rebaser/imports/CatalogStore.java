package dev.rebaser.imports;

import dev.rebaser.catalog.CatalogImporter.Snapshot;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The catalog imports in the database, newest last; each keeps its tree snapshot. */
@Component
public class CatalogStore {

	private final JdbcTemplate jdbc;

	public CatalogStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** What an import was: where from, when, by whom, and what it gave. */
	public record CatalogImport(long id, String origin, Instant importedAt, String actor, int images, int problems) {
	}

	public CatalogImport save(Snapshot snapshot, String actor, int images, int problems, Instant at) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var insert = connection.prepareStatement(
					"INSERT INTO catalog_import (origin, imported_at, actor, images, problems, tree) VALUES (?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			insert.setString(1, snapshot.origin());
			insert.setTimestamp(2, Timestamp.from(at));
			insert.setString(3, actor);
			insert.setInt(4, images);
			insert.setInt(5, problems);
			insert.setBytes(6, snapshot.tarGz());
			return insert;
		}, key);
		return new CatalogImport(key.getKey().longValue(), snapshot.origin(), at, actor, images, problems);
	}

	public Optional<Stored> latest() {
		return jdbc
			.query("SELECT id, origin, imported_at, actor, images, problems, tree FROM catalog_import "
					+ "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
					(rs, n) -> new Stored(
							new CatalogImport(rs.getLong("id"), rs.getString("origin"),
									rs.getTimestamp("imported_at").toInstant(), rs.getString("actor"),
									rs.getInt("images"), rs.getInt("problems")),
							new Snapshot(rs.getString("origin"), rs.getBytes("tree"))))
			.stream()
			.findFirst();
	}

	/** The imports, newest first, without their trees. */
	public List<CatalogImport> history(int limit) {
		return jdbc.query(
				"SELECT id, origin, imported_at, actor, images, problems FROM catalog_import "
						+ "ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
				(rs, n) -> new CatalogImport(rs.getLong("id"), rs.getString("origin"),
						rs.getTimestamp("imported_at").toInstant(), rs.getString("actor"), rs.getInt("images"),
						rs.getInt("problems")));
	}

	public record Stored(CatalogImport record, Snapshot snapshot) {
	}

}
