package dev.rebaser.build.queue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's read queries over the build tables. */
@Configuration(proxyBeanMethods = false)
public class BoardConfiguration {

	@Bean
	public BuildBoard buildBoard(JdbcTemplate jdbc) {
		return new BuildBoard(jdbc);
	}

}
