package dev.rebaser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The migrations must apply on the PostgreSQL that the {@code postgres} profile points at
 * (127.0.0.1:5432, started by scripts/start-postgres). Each run migrates a fresh schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("postgres")
class PostgresMigrationIT {

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/rebaser";

	private static final String SCHEMA = "it_" + UUID.randomUUID().toString().replace("-", "");

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void freshSchema(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@BeforeAll
	static void databaseIsPostgres() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, "rebaser", "rebaser")) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, "rebaser", "rebaser")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	@Test
	void everyMigrationAppliesOnPostgres() {
		List<Boolean> outcomes = jdbc.queryForList(
				"SELECT success FROM " + SCHEMA + ".flyway_schema_history WHERE version IS NOT NULL", Boolean.class);
		assertThat(outcomes).isNotEmpty().containsOnly(true);
		assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(SCHEMA);
	}

	@Test
	void catalogImportKeepsItsTreeBytes() {
		byte[] tree = { 0x1f, (byte) 0x8b, 0, 1, 2, (byte) 0xff };
		jdbc.update("INSERT INTO catalog_import (origin, imported_at, actor, images, problems, tree) "
				+ "VALUES (?, CURRENT_TIMESTAMP, ?, ?, ?, ?)", "/src/kubernetes", "operator", 3, 0, tree);
		assertThat(
				jdbc.queryForObject("SELECT tree FROM catalog_import WHERE origin = '/src/kubernetes'", byte[].class))
			.isEqualTo(tree);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? "
				+ "AND table_name = 'catalog_image'", Integer.class, SCHEMA))
			.isZero();
	}

}
