package dev.rebaser.web.page;

import static dev.rebaser.context.TarFixtures.file;
import static dev.rebaser.context.TarFixtures.tarGz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.diff.LineDiff;
import dev.rebaser.rewriting.PackageCheck;
import dev.rebaser.rewriting.RewriteConfiguration;
import dev.rebaser.rewriting.RewrittenContexts;
import dev.rebaser.rewriting.Rewrites;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.web.RequestBodies;
import dev.rebaser.web.SecurityConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@WebMvcTest(value = RewritePageController.class,
		properties = { "rebaser.packages.check=false", "rebaser.max-body-bytes=65536" })
@Import({ TargetChoice.class, PackageCheck.class, RewriteConfiguration.class, SecurityConfiguration.class,
		RuleFilesText.class, RewrittenContexts.class, RequestBodies.class, Rewrites.class, RewritePage.class })
class RewritePageControllerTest {

	@Autowired
	MockMvc mvc;

	static String resource(String name) throws IOException {
		try (InputStream in = RewritePageControllerTest.class.getResourceAsStream("/dashboard/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static MockMultipartHttpServletRequestBuilder form(String dockerfile) {
		MockMultipartHttpServletRequestBuilder request = multipart("/rewrite");
		request.param("dockerfile", dockerfile);
		request.with(csrf());
		return request;
	}

	@Test
	void formHasTheDefaultTargetAndArchSelectedAndCarriesCsrf() throws Exception {
		mvc.perform(get("/rewrite"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("enctype=\"multipart/form-data\""),
					containsString("<option value=\"debian-bookworm\" selected=\"selected\">"),
					containsString("<option value=\"mips64le\" selected=\"selected\">"),
					containsString("<option value=\"fedora-40\">"), containsString("name=\"_csrf\""),
					containsString("<label for=\"dockerfile\">"), containsString("<label for=\"upload\">"),
					containsString("<label for=\"strict\">"))))
			.andExpect(content().string(not(containsString("id=\"result\""))));
	}

	@Test
	void pastedDockerfileComesBackRewrittenWithReportAndRuleLinks() throws Exception {
		String page = mvc
			.perform(form(resource("alpine.Dockerfile")).param("target", "debian-bookworm").param("arch", "mips64le"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String rewritten = textarea(page, "rewritten-text");
		assertThat(rewritten).contains("apt-get install").contains("dnsutils").doesNotContain("apk ");
		assertThat(page).contains("class=\"diff\"", "diff-changed", "for debian-bookworm/mips64le")
			.contains("href=\"/rules#package:bind-tools\"")
			.contains("href=\"/rewrite/dockerfiles/");
	}

	@Test
	void scriptInTheDockerfileIsShownAsText() throws Exception {
		String page = mvc.perform(form(resource("alpine.Dockerfile")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void uploadedDockerfileIsUsedInsteadOfTheText() throws Exception {
		MockMultipartFile upload = new MockMultipartFile("upload", "Dockerfile", "text/plain",
				resource("alpine.Dockerfile").getBytes(StandardCharsets.UTF_8));
		String page = mvc.perform(multipart("/rewrite").file(upload).param("dockerfile", "").with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(textarea(page, "rewritten-text")).contains("apt-get install");
		assertThat(textarea(page, "dockerfile")).contains("apk add --no-cache curl bind-tools");
	}

	/** Before, the page replaced what was not UTF-8 and rewrote the rest. */
	@Test
	void anUploadThatIsNotUtf8IsRefusedWhereItStops() throws Exception {
		MockMultipartFile upload = new MockMultipartFile("upload", "Dockerfile", "text/plain",
				new byte[] { 'F', 'R', 'O', 'M', ' ', 'a', '\n', 'R', 'U', 'N', ' ', (byte) 0xFF, '\n' });
		String page = mvc.perform(multipart("/rewrite").file(upload).param("dockerfile", "").with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Not UTF-8 text").contains("byte 11 (0xff) on line 2");
	}

	@Test
	void uploadedContextShowsTheDockerfileDiffAndOffersTheRewrittenContext() throws Exception {
		String dockerfile = resource("alpine.Dockerfile");
		byte[] archive = tarGz(tar -> {
			file(tar, "Dockerfile", dockerfile);
			file(tar, "run.sh", "#!/bin/sh\necho hi\n");
		});
		String page = mvc
			.perform(multipart("/rewrite")
				.file(new MockMultipartFile("upload", "ctx.tar.gz", "application/gzip", archive))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(textarea(page, "rewritten-text")).contains("apt-get install");
		Matcher link = Pattern.compile("href=\"(/rewrite/contexts/[0-9a-f]+)\"").matcher(page);
		assertThat(link.find()).as("download link in %s", page).isTrue();
		byte[] rewritten = mvc.perform(get(link.group(1)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("context-mips64le.tar.gz")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BuildContext context = ContextArchive.read(new ByteArrayInputStream(rewritten), ArchiveLimits.defaults());
		assertThat(context.text("Dockerfile")).get().asString().contains("apt-get install").doesNotContain("apk add");
		assertThat(context.text("run.sh")).contains("#!/bin/sh\necho hi\n");
		assertThat(context.text("REWRITE-REPORT.md")).isPresent();
	}

	@Test
	void forgottenContextIsNotFound() throws Exception {
		mvc.perform(get("/rewrite/contexts/00112233")).andExpect(status().isNotFound());
	}

	@Test
	void syntaxErrorIs400WithTheLineNumberAndItsText() throws Exception {
		String page = mvc.perform(form(resource("unterminated-heredoc.Dockerfile")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Dockerfile syntax error", "Line 2, column")
			.contains("<code class=\"offending-line\">RUN &lt;&lt;EOF</code>")
			.doesNotContain("id=\"result\"");
		assertThat(textarea(page, "dockerfile")).isEqualTo(resource("unterminated-heredoc.Dockerfile"));
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(
			strings = { "FROM alpine:3.20\nFOO bar\n", "FROM alpine:3.20\nARG X=${Y\n",
					"FROM alpine:3.20\nRUN echo 'unterminated\n", "FROM\n", "RUN apk add curl\n",
					"FROM alpine:3.20\nRUN \\\n", "\u0000\u0001\u00ff", "FROM alpine:3.20\nCOPY <<EOF /x\n" })
	void oddInputIsAnsweredOnThePageNeverAsAServerError(String dockerfile) throws Exception {
		int status = mvc.perform(form(dockerfile)).andReturn().getResponse().getStatus();
		assertThat(status).as("status for %s", dockerfile).isIn(200, 400);
	}

	@Test
	void strictModeIs422WithEveryWarningAndItsLine() throws Exception {
		mvc.perform(form("FROM alpine:3.20\nRUN apk add --no-cache no-such-package-anywhere\n").param("strict", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Strict mode"), containsString("problem-warnings"),
					containsString("<td>2</td>"), containsString("RUN apk add --no-cache no-such-package-anywhere"),
					containsString("checked=\"checked\""))));
	}

	@Test
	void unknownTargetIs400AndNamesTheTargets() throws Exception {
		mvc.perform(form(resource("alpine.Dockerfile")).param("arch", "sparc"))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(allOf(containsString("Unknown target"), containsString("debian-bookworm/mips64le"))));
	}

	@Test
	void emptyFormIs400() throws Exception {
		mvc.perform(form("  \n"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Nothing to rewrite")));
	}

	@Test
	void dockerfileOverTheLimitIs413() throws Exception {
		String big = "FROM alpine:3.20\n" + "# padding\n".repeat(7_000);
		mvc.perform(form(big))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().string(containsString("65536 bytes")));
		mvc.perform(multipart("/rewrite")
			.file(new MockMultipartFile("upload", "Dockerfile", "text/plain", big.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())).andExpect(status().isContentTooLarge());
	}

	@Test
	void brokenArchiveIs400() throws Exception {
		mvc.perform(multipart("/rewrite")
			.file(new MockMultipartFile("upload", "ctx.tar.gz", "application/gzip",
					"not gzip at all".getBytes(StandardCharsets.UTF_8)))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Bad build context")));
		byte[] noDockerfile = tarGz(tar -> file(tar, "README", "no Dockerfile here\n"));
		mvc.perform(multipart("/rewrite")
			.file(new MockMultipartFile("upload", "ctx.tar.gz", "application/gzip", noDockerfile))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("no Dockerfile")));
	}

	@Test
	void postWithoutCsrfTokenIs403() throws Exception {
		mvc.perform(multipart("/rewrite").param("dockerfile", "FROM alpine:3.20\n")).andExpect(status().isForbidden());
	}

	@Test
	void theDownloadLinkGivesTheRewrittenDockerfileAsAFile() throws Exception {
		String page = mvc.perform(form(resource("alpine.Dockerfile")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher link = Pattern.compile("href=\"(/rewrite/dockerfiles/[0-9a-f]{32})\"").matcher(page);
		assertThat(link.find()).isTrue();

		mvc.perform(get(link.group(1)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("Dockerfile")))
			.andExpect(content().string(textarea(page, "rewritten-text")));
		mvc.perform(get(link.group(1).replace("dockerfiles", "contexts"))).andExpect(status().isNotFound());
		mvc.perform(get("/rewrite/dockerfiles/0123456789abcdef0123456789abcdef")).andExpect(status().isNotFound());
	}

	@Test
	void aWarningOnEveryLineShowsTheFirstThousandAndSaysHowManyMoreThereAre() throws Exception {
		StringBuilder input = new StringBuilder("FROM alpine:3.19\n");
		for (int i = 0; i < 1_500; i++) {
			input.append("RUN apk add --no-cache curl=8.").append(i).append("-r0\n");
		}
		String page = mvc.perform(form(input.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String warnings = page.substring(page.indexOf("<table class=\"data warnings\""));
		warnings = warnings.substring(0, warnings.indexOf("</table>"));
		assertThat(warnings.split("<code>version-pin-dropped</code>", -1)).hasSize(1_001);
		assertThat(warnings).contains("500 more warnings are not shown here.");
		assertThat(page).doesNotContain("name=\"dockerfile\" value=");
	}

	/** The text of a textarea, unescaped. */
	@Test
	void aLongDiffShowsItsFirstThousandRowsAndSaysHowManyMoreThereAre() throws Exception {
		String input = "FROM alpine:3.19\n" + "#\n".repeat(1_500) + "RUN apk add --no-cache curl\n";
		String page = mvc.perform(form(input))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String rewritten = textarea(page, "rewritten-text");
		int rows = LineDiff.of(input, rewritten).rows().size();
		assertThat(rewritten)
			.endsWith("install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*\n");
		assertThat(rows).isGreaterThan(Shown.MAX_ROWS);
		assertThat(page.split("<tr class=\"diff-", -1)).hasSize(Shown.MAX_ROWS + 1);
		assertThat(page).contains((rows - Shown.MAX_ROWS) + " more rows are not shown here");
	}

	private static String textarea(String page, String id) {
		Matcher m = Pattern.compile("<textarea id=\"" + id + "\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("textarea %s in %s", id, page).isTrue();
		return m.group(1)
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
	}

}
