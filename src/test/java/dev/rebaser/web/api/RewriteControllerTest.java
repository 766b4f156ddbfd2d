package dev.rebaser.web.api;

import static dev.rebaser.context.TarFixtures.file;
import static dev.rebaser.context.TarFixtures.link;
import static dev.rebaser.context.TarFixtures.tarGz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.rewriting.PackageCheck;
import dev.rebaser.rewriting.RewriteConfiguration;
import dev.rebaser.rewriting.Rewrites;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.web.RequestBodies;
import dev.rebaser.web.SecurityConfiguration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WebMvcTest(value = RewriteController.class, properties = "rebaser.packages.check=false")
@Import({ RequestBodies.class, TargetChoice.class, PackageCheck.class, Rewrites.class, RewriteConfiguration.class,
		SecurityConfiguration.class })
class RewriteControllerTest {

	private static final String ALPINE = """
			FROM alpine:3.20
			RUN apk add --no-cache curl bind-tools
			CMD ["curl", "--version"]
			""";

	@Autowired
	MockMvc mvc;

	@Test
	void answersJsonWithTheNewDockerfileChangesAndWarnings() throws Exception {
		mvc.perform(post("/api/rewrite").content(ALPINE))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.dockerfile").value(containsString("apt-get install")))
			.andExpect(jsonPath("$.dockerfile").value(containsString("dnsutils")))
			.andExpect(jsonPath("$.dockerfile").value(not(containsString("apk "))))
			.andExpect(jsonPath("$.dockerfile").value(containsString("CMD [\"curl\", \"--version\"]\n")))
			.andExpect(jsonPath("$.changes[0].line").value(1))
			.andExpect(jsonPath("$.changes[?(@.line == 2)].ruleId").isNotEmpty())
			.andExpect(jsonPath("$.warnings").isArray());
	}

	@Test
	void answersOnlyTheDockerfileForTextPlain() throws Exception {
		MvcResult result = mvc.perform(post("/api/rewrite").accept(MediaType.TEXT_PLAIN).content(ALPINE))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
			.andReturn();
		String body = result.getResponse().getContentAsString();
		assertThat(body).startsWith("FROM ").contains("apt-get install").doesNotContain("\"changes\"");
	}

	@Test
	void fedoraTargetUsesDnf() throws Exception {
		mvc.perform(post("/api/rewrite").param("target", "fedora-40").param("arch", "amd64").content(ALPINE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dockerfile").value(containsString("dnf install -y")))
			.andExpect(jsonPath("$.dockerfile").value(containsString("bind-utils")));
	}

	@Test
	void unknownTargetNamesTheValidOnes() throws Exception {
		mvc.perform(post("/api/rewrite").param("arch", "sparc").content(ALPINE))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("debian-bookworm/mips64le")))
			.andExpect(jsonPath("$.detail").value(containsString("sparc")));
	}

	@Test
	void syntaxErrorIs400WithLineAndColumn() throws Exception {
		mvc.perform(post("/api/rewrite").content("FROM alpine\nRUN <<EOF\napk add curl\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.line").value(2))
			.andExpect(jsonPath("$.column").isNumber());
	}

	@Test
	void strictModeRefusesARewriteWithWarnings() throws Exception {
		mvc.perform(post("/api/rewrite").param("strict", "true")
			.content("FROM alpine:3.20\nRUN apk add --no-cache no-such-package-anywhere\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings[0].line").value(2))
			.andExpect(jsonPath("$.warnings[0].code").isString());
	}

	@Test
	void bodyOverOneMebibyteIs413() throws Exception {
		mvc.perform(post("/api/rewrite").content(new byte[1048577])).andExpect(status().isPayloadTooLarge());
	}

	@Test
	void contextComesBackRewrittenWithItsReport() throws Exception {
		byte[] upload = tarGz(tar -> {
			file(tar, "Dockerfile", "ARG BASEIMAGE\nFROM $BASEIMAGE\nRUN apk add --no-cache iproute2\n");
			file(tar, "BASEIMAGE", "linux/amd64=alpine:3.20\nlinux/arm64=arm64v8/alpine:3.20\n");
			file(tar, "entrypoint.sh", "#!/bin/sh\nexec \"$@\"\n");
		});
		MvcResult result = mvc.perform(post("/api/rewrite/context").contentType("application/gzip").content(upload))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/gzip"))
			.andExpect(header().string("Content-Disposition", containsString("context-mips64le.tar.gz")))
			.andReturn();
		BuildContext context = ContextArchive.read(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()),
				dev.rebaser.context.ArchiveLimits.defaults());
		assertThat(context.text("Dockerfile")).hasValueSatisfying(d -> assertThat(d).contains("apt-get install"));
		assertThat(context.text("BASEIMAGE")).hasValueSatisfying(b -> assertThat(b).contains("linux/mips64le="));
		assertThat(context.text("REWRITE-REPORT.md")).hasValueSatisfying(r -> assertThat(r).contains("mips64le"));
		assertThat(context.get("entrypoint.sh").orElseThrow().mode()).isEqualTo(0755);
	}

	@Test
	void contextEntryEscapingTheFolderIs400() throws Exception {
		byte[] upload = tarGz(tar -> {
			file(tar, "Dockerfile", "FROM alpine\n");
			link(tar, "passwd", TarArchiveEntry.LF_SYMLINK, "../../etc/passwd");
		});
		mvc.perform(post("/api/rewrite/context").content(upload))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.entry").value("passwd"))
			.andExpect(jsonPath("$.detail").value(containsString("outside")));
	}

	@Test
	void contextThatUnpacksTooLargeIs413() throws Exception {
		// 80 MiB of zeros gzip to well under the 16 MiB upload limit, but unpack past 64
		// MiB
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
				new GZIPOutputStream(bytes))) {
			TarArchiveEntry entry = new TarArchiveEntry("big");
			entry.setSize(80L * 1024 * 1024);
			tar.putArchiveEntry(entry);
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 80; i++) {
				tar.write(zeros);
			}
			tar.closeArchiveEntry();
		}
		mvc.perform(post("/api/rewrite/context").content(bytes.toByteArray())).andExpect(status().isPayloadTooLarge());
	}

	@Test
	void aContextsDockerfileHasTheLimitOfOneSentAlone() throws Exception {
		String big = "FROM alpine:3.20\n" + "# padding\n".repeat(1048576 / 10 + 1);
		byte[] upload = tarGz(tar -> file(tar, "Dockerfile", big));
		mvc.perform(post("/api/rewrite/context").content(upload))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("Dockerfile is larger than 1048576 bytes")));
	}

	@Test
	void contextWithoutDockerfileOrNotGzipIs400() throws Exception {
		mvc.perform(post("/api/rewrite/context").content(tarGz(tar -> file(tar, "README", "hi"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("no Dockerfile")));
		mvc.perform(post("/api/rewrite/context").content("FROM alpine\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("gzip")));
	}

	@Test
	void hardLinksToOneLargeFileAre413NotAGigabyteAnswer() throws Exception {
		byte[] upload = tarGz(tar -> {
			file(tar, "Dockerfile", "FROM alpine\n");
			file(tar, "big", "\0".repeat(1024 * 1024));
			for (int i = 0; i < 4000; i++) {
				link(tar, "h" + i, TarArchiveEntry.LF_LINK, "big");
			}
		});
		mvc.perform(post("/api/rewrite/context").content(upload)).andExpect(status().isPayloadTooLarge());
	}

}
