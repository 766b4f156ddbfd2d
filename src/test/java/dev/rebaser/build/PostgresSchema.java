package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.RebaserApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh schema on the PostgreSQL at 127.0.0.1:5432 (scripts/start-postgres), and
 * Rebaser instances on it: each is a whole application context with its own connection
 * pool, as a second process would have. Creating one fails when PostgreSQL is not there;
 * nothing is skipped.
 */
public final class PostgresSchema implements AutoCloseable {

	public static final String URL = "jdbc:postgresql://127.0.0.1:5432/rebaser";

	final String name = "it_" + UUID.randomUUID().toString().replace("-", "");

	PostgresSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, "rebaser", "rebaser")) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
	}

	String url() {
		return URL + "?currentSchema=" + name;
	}

	/**
	 * Properties of an instance on this schema; the scheduler bean stays off, tests make
	 * their own.
	 */
	List<String> instanceProperties(String instanceId, boolean singleInstance) {
		return List.of("spring.datasource.url=" + url(), "spring.flyway.schemas=" + name,
				"spring.jpa.properties.hibernate.default_schema=" + name, "rebaser.scheduler.enabled=false",
				"rebaser.scheduler.instance-id=" + instanceId, "rebaser.scheduler.single-instance=" + singleInstance,
				"spring.datasource.hikari.maximum-pool-size=6", "spring.main.banner-mode=off");
	}

	ConfigurableApplicationContext start(String instanceId, boolean singleInstance) {
		// as arguments, since they must win over application-postgres.yml
		List<String> args = new ArrayList<>();
		instanceProperties(instanceId, singleInstance).forEach(p -> args.add("--" + p));
		return new SpringApplicationBuilder(RebaserApplication.class).web(WebApplicationType.NONE)
			.profiles("postgres")
			.run(args.toArray(String[]::new));
	}

	@Override
	public void close() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, "rebaser", "rebaser")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
		}
	}

}
