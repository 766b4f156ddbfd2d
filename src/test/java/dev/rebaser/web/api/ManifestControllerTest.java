package dev.rebaser.web.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.web.RequestBodies;
import dev.rebaser.web.SecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ManifestController.class)
@Import({ RequestBodies.class, SecurityConfiguration.class })
class ManifestControllerTest {

	// A manifest.go in the shape of the releases that keep registries in a RegistryList.
	private static final String MANIFEST = """
			package image

			type RegistryList struct {
				PromoterE2eRegistry string `yaml:"promoterE2eRegistry"`
				BuildImageRegistry  string `yaml:"buildImageRegistry"`
			}

			type Config struct {
				registry string
				name     string
				version  string
			}

			func initReg() RegistryList {
				registry := RegistryList{
					PromoterE2eRegistry: "registry.k8s.io/e2e-test-images",
					BuildImageRegistry:  "registry.k8s.io/build-image",
				}
				return registry
			}

			var registry = initReg()

			const (
				None = iota
				Agnhost
				Pause
			)

			func initImageConfigs(list RegistryList) (map[ImageID]Config, map[ImageID]Config) {
				configs := map[ImageID]Config{}
				configs[Agnhost] = Config{list.PromoterE2eRegistry, "agnhost", "2.53"}
				configs[Pause] = Config{list.BuildImageRegistry, "pause", "3.10"}
				return configs, nil
			}
			""";

	@Autowired
	MockMvc mvc;

	@Test
	void listsTheDeclaredImages() throws Exception {
		mvc.perform(post("/api/manifest").contentType(MediaType.TEXT_PLAIN).content(MANIFEST))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.images.length()").value(2))
			.andExpect(jsonPath("$.images[0].id").value("Agnhost"))
			.andExpect(jsonPath("$.images[0].registryKey").value("promoterE2eRegistry"))
			.andExpect(jsonPath("$.images[0].registry").value("registry.k8s.io/e2e-test-images"))
			.andExpect(jsonPath("$.images[0].name").value("agnhost"))
			.andExpect(jsonPath("$.images[0].version").value("2.53"))
			.andExpect(jsonPath("$.images[0].image").value("registry.k8s.io/e2e-test-images/agnhost:2.53"))
			.andExpect(jsonPath("$.images[1].image").value("registry.k8s.io/build-image/pause:3.10"))
			.andExpect(jsonPath("$.warnings.length()").value(0));
	}

	@Test
	void whatCannotBeUnderstoodIsAWarningWithItsLine() throws Exception {
		String broken = MANIFEST.replace("configs[Pause] = Config{list.BuildImageRegistry, \"pause\", \"3.10\"}",
				"configs[Pause] = Config{list.BuildImageRegistry, \"pause\", pauseVersion()}");
		mvc.perform(post("/api/manifest").content(broken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.images[0].id").value("Agnhost"))
			.andExpect(jsonPath("$.warnings[0].line").value(33))
			.andExpect(jsonPath("$.warnings[0].message").value(containsString("Pause")));
	}

	@Test
	void bodyOverTheLimitIs413() throws Exception {
		mvc.perform(post("/api/manifest").content(new byte[1048577])).andExpect(status().isPayloadTooLarge());
	}

}
