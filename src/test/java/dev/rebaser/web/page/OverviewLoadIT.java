package dev.rebaser.web.page;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link OverviewLoad} on the embedded H2 database, the default installation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:overview-load-it;DB_CLOSE_DELAY=-1", "rebaser.operator.token=load-token" })
class OverviewLoadIT extends OverviewLoad {

	@Override
	String database() {
		return "H2";
	}

}
