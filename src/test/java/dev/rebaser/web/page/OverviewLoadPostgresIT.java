package dev.rebaser.web.page;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link OverviewLoad} on the PostgreSQL at 127.0.0.1:5432 (scripts/start-postgres), in a
 * schema of its own that is dropped afterwards. Fails when PostgreSQL is not there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rebaser.operator.token=load-token")
class OverviewLoadPostgresIT extends OverviewLoad {

	static final String URL = "jdbc:postgresql://127.0.0.1:5432/rebaser";

	static final String SCHEMA = "it_" + UUID.randomUUID().toString().replace("-", "");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> "rebaser");
		registry.add("spring.datasource.password", () -> "rebaser");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
		registry.add("spring.jpa.properties.hibernate.default_schema", () -> SCHEMA);
	}

	@AfterAll
	static void dropSchema() throws Exception {
		try (Connection connection = DriverManager.getConnection(URL, "rebaser", "rebaser")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	@Override
	String database() {
		return "PostgreSQL";
	}

}
