package dev.rebaser.build.queue;

import dev.rebaser.build.PostgresSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link BuildBoardCases} on the PostgreSQL at 127.0.0.1:5432 (scripts/start-postgres),
 * in a fresh schema that is dropped afterwards. Fails when PostgreSQL is not there.
 */
@SpringBootTest
class BuildBoardPostgresIT extends BuildBoardCases {

	static final String SCHEMA = "it_" + UUID.randomUUID().toString().replace("-", "");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> PostgresSchema.URL + "?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> "rebaser");
		registry.add("spring.datasource.password", () -> "rebaser");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
		registry.add("spring.jpa.properties.hibernate.default_schema", () -> SCHEMA);
		// the board is read, never built: no poller left behind on a schema dropped after
		registry.add("rebaser.scheduler.enabled", () -> "false");
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(PostgresSchema.URL, "rebaser", "rebaser")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

}
