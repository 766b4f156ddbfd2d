package dev.rebaser.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.build.BuildHosts;
import dev.rebaser.build.DockerHostsProperties;
import dev.rebaser.build.HostBaseImages;
import dev.rebaser.imports.CatalogImports;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.RewriteConfiguration;
import dev.rebaser.web.SecurityConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An instance without a scheduler (no database either) still shows its hosts, and says it
 * does not build.
 */
@WebMvcTest(CatalogPageController.class)
@Import({ CurrentCatalog.class, CatalogImports.class, CatalogPage.class, RewriteConfiguration.class,
		SecurityConfiguration.class, BuildHosts.class })
@EnableConfigurationProperties(DockerHostsProperties.class)
@TestPropertySource(properties = "rebaser.operator.token=test-token")
class CatalogPageWithoutSchedulerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	HostBaseImages bases;

	@Test
	void theLocalHostIsListedWithItsConfiguredConcurrencyAndNoHealth() throws Exception {
		when(bases.statuses()).thenReturn(List.of());

		String html = mvc.perform(get("/catalog"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("This instance does not build");
		String hostTable = html.substring(html.indexOf("id=\"docker-hosts\""), html.indexOf("id=\"base-images\""));
		assertThat(hostTable).containsPattern(
				"(?s)unix:///var/run/docker.sock.*unknown: this instance does not build.*<td>—</td>\\s*<td>2</td>");
		assertThat(html).contains("not kept (no database)").contains("<code>classpath:example-tree</code>");
	}

}
