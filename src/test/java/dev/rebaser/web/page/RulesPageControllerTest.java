package dev.rebaser.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.web.SecurityConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(RulesPageController.class)
@Import({ SecurityConfiguration.class, RuleFilesText.class })
class RulesPageControllerTest {

	@Autowired
	MockMvc mvc;

	@Test
	void rulesPageShowsTheBuiltinFilesWithAnchorsPerRule() throws Exception {
		mvc.perform(get("/rules"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h2 id=\"file-packages.yaml\">packages.yaml</h2>"),
					containsString("id=\"packages\""), containsString("id=\"package:curl\""),
					containsString("id=\"target:debian-bookworm/mips64le\""),
					containsString("id=\"base-image:alpine\""), containsString("id=\"user-command:adduser\""))));
	}

	@Test
	void anchorsFollowTheSectionAndOnlyKnownIdsGetOne() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("packages.yaml",
				"# header\npackages:\n  curl: {debian: [curl]}\n  \"py3-foo\":\n    debian: [python3-foo]\n");
		files.put("commands.yaml", "userCommands:\n  adduser:\n    usage: x\ncommands:\n  su-exec: {}\n");
		RuleFilesText text = new RuleFilesText(files);
		assertThat(text.anchorOf("package:curl")).isEqualTo("package:curl");
		assertThat(text.anchorOf("package:py3-foo")).isEqualTo("package:py3-foo");
		assertThat(text.anchorOf("user-command:adduser/system")).isEqualTo("user-command:adduser");
		assertThat(text.anchorOf("command:su-exec")).isEqualTo("command:su-exec");
		assertThat(text.anchorOf("apk:add")).isNull();
		assertThat(text.anchorOf("package:debian")).isNull();
		assertThat(text.files().get(0).lines()).extracting(RuleFilesText.Line::anchor)
			.containsExactly(null, "packages", "package:curl", "package:py3-foo", null);
	}

}
