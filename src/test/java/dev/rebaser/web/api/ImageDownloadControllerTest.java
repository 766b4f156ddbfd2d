package dev.rebaser.web.api;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.build.BuildHosts;
import dev.rebaser.build.ImageDownloads;
import dev.rebaser.build.BuildJobs;
import dev.rebaser.build.DockerHostsProperties;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.RewriteConfiguration;
import dev.rebaser.web.SecurityConfiguration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The refusals; saving real images is proven on the real daemon by RebuildEndToEndIT. */
@WebMvcTest(ImageDownloadController.class)
@Import({ CurrentCatalog.class, BuildHosts.class, ImageDownloads.class, RewriteConfiguration.class,
		SecurityConfiguration.class, ImageDownloadControllerTest.Hosts.class })
class ImageDownloadControllerTest {

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@TestConfiguration
	@EnableConfigurationProperties(DockerHostsProperties.class)
	static class Hosts {

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BuildQueue queue;

	@Test
	void anImageNotInTheCatalogIs404() throws Exception {
		mvc.perform(get("/api/images/no-such-image/image.tar")).andExpect(status().isNotFound());
	}

	@Test
	void anImageWithoutAGoodBuildIs404AndSoIsAnEmptyCatalogArchive() throws Exception {
		when(queue.latest(anyString(), anyString())).thenReturn(Optional.empty());
		mvc.perform(get("/api/images/kitten/image.tar")).andExpect(status().isNotFound());
		mvc.perform(get("/api/catalog/images.tar")).andExpect(status().isNotFound());

		BuildJob failed = BuildJobs.job(3, "kitten", "mips64le", BuildState.FAILED, T0);
		when(queue.latest("kitten", "mips64le")).thenReturn(Optional.of(failed));
		mvc.perform(get("/api/images/kitten/image.tar")).andExpect(status().isNotFound());
	}

	@Test
	void anImageBuiltOnAHostNoLongerConfiguredIs409() throws Exception {
		BuildJob built = BuildJobs.started(BuildJobs.job(4, "kitten", "mips64le", BuildState.BUILT, T0),
				"tcp://retired-builder:2376", 1, T0);
		BuildJobs.built(built, "sha256:1234");
		when(queue.latest("kitten", "mips64le")).thenReturn(Optional.of(built));
		mvc.perform(get("/api/images/kitten/image.tar")).andExpect(status().isConflict());
	}

}
