package dev.rebaser.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Random and mutated requests at every /api/ endpoint through the whole web layer
 * (filters, security, controllers, error handling), the operator's imports and build
 * requests included: whatever comes in, the answer is never a server error, no request
 * costs more than its CPU budget, no archive answered has an entry or link leading
 * outside it, and no answer holds a file of the server's disk that archives link to. The
 * seed and the number of inputs can be set ({@code -Dfuzz.seed}, {@code -Dfuzz.inputs})
 * for a longer run.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:api-fuzz-test;DB_CLOSE_DELAY=-1",
		"rebaser.scheduler.enabled=false", "rebaser.packages.check=false", "rebaser.operator.token=fuzz-token" })
@AutoConfigureMockMvc
class ApiFuzzTest {

	static final int INPUTS = Integer.getInteger("fuzz.inputs", 20_000);

	static final long SEED = Long.getLong("fuzz.seed", 20261203L);

	/** What one request of at most 1 MiB may cost, with room for a slow machine. */
	static final long CPU_BUDGET_NANOS = 2_000_000_000L;

	static final String[] TARGETS = { "debian-bookworm", "fedora-40", "", "nope", "debian-bookworm/x", "%", "\u0000" };

	static final String[] ARCHES = { "mips64le", "mips64el", "amd64", "", "sparc", "../../etc", "mips64le\n" };

	/**
	 * A file of the server's disk outside every folder a request may read: archives link
	 * to it, and no answer may hold what it says.
	 */
	static final Path CANARY;

	static final String SECRET = "canary-" + UUID.randomUUID();

	static {
		try {
			CANARY = Files.writeString(Files.createTempDirectory("api-fuzz-canary").resolve("secret"), SECRET);
			CANARY.toFile().deleteOnExit();
			CANARY.getParent().toFile().deleteOnExit();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Autowired
	MockMvc mvc;

	final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

	@Test
	void noInputMakesAServerErrorOrOverrunsItsBudget() throws Exception {
		Random random = new Random(SEED);
		Corpus corpus = Corpus.load();
		List<String> failures = new ArrayList<>();
		int[] statuses = new int[6];
		int archives = 0;
		for (int i = 0; i < INPUTS && failures.size() < 10; i++) {
			MockHttpServletRequestBuilder request = request(random, corpus);
			long before = cpu.getCurrentThreadCpuTime();
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			long spent = cpu.getCurrentThreadCpuTime() - before;
			int status = response.getStatus();
			statuses[status / 100]++;
			if (status >= 500 || spent > CPU_BUDGET_NANOS) {
				failures.add("input " + i + " (seed " + SEED + "): " + describe(request) + " -> " + status + " in "
						+ spent / 1_000_000 + " ms CPU: " + abbreviate(response.getContentAsString()));
			}
			boolean archive = status == 200 && "application/gzip".equals(response.getContentType());
			archives += archive ? 1 : 0;
			String outside = archive ? entryOutside(response.getContentAsByteArray())
					: response.getContentAsString(StandardCharsets.ISO_8859_1).contains(SECRET)
							? "what a file of the server's disk holds" : null;
			if (outside != null) {
				failures.add("input " + i + " (seed " + SEED + "): " + describe(request) + " answered " + outside);
			}
		}
		assertThat(failures).isEmpty();
		// the inputs reach past the refusals too: some are answered, many are refused
		assertThat(statuses[2]).as("answered").isGreaterThan(INPUTS / 20);
		assertThat(statuses[4]).as("refused").isGreaterThan(INPUTS / 20);
		assertThat(archives).as("archives answered, each looked through").isGreaterThan(INPUTS / 100);
	}

	@Test
	void theArchiveCheckSeesEveryWayOut() throws IOException {
		assertThat(entryOutside(gzipOf(file("Dockerfile", "FROM x\n".getBytes(StandardCharsets.UTF_8)),
				link("a/l", TarArchiveEntry.LF_SYMLINK, "../b"), link("h", TarArchiveEntry.LF_LINK, "Dockerfile"))))
			.isNull();
		assertThat(entryOutside(gzipOf(file("../x", new byte[1])))).contains("entry ../x");
		assertThat(entryOutside(gzipOf(link("a/l", TarArchiveEntry.LF_SYMLINK, "../..")))).contains("link a/l");
		assertThat(entryOutside(gzipOf(link("l", TarArchiveEntry.LF_SYMLINK, CANARY.toString())))).contains("link l");
		assertThat(entryOutside(gzipOf(link("h", TarArchiveEntry.LF_LINK, "../x")))).contains("hard link h");
		assertThat(entryOutside(gzipOf(file("key", SECRET.getBytes(StandardCharsets.UTF_8)))))
			.contains("holds a file of the server's disk");
	}

	private static byte[] gzipOf(Entry... entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
			for (Entry entry : entries) {
				put(tar, entry);
			}
		}
		return bytes.toByteArray();
	}

	private MockHttpServletRequestBuilder request(Random random, Corpus corpus) throws IOException {
		String target = pick(random, TARGETS);
		String arch = pick(random, ARCHES);
		return switch (random.nextInt(14)) {
			case 12 -> asOperator(post("/api/catalog/import").contentType("application/gzip")
				.content(random.nextBoolean() ? archive(random, corpus) : tree(random, corpus)));
			case 13 -> asOperator(random.nextBoolean()
					? post("/api/builds").contentType("application/json")
						.content(random.nextBoolean() ? buildOrder(random, corpus, arch)
								: mutate(random, buildOrder(random, corpus, arch)))
					: post("/api/builds/" + pathPart(random, corpus)
							+ pick(random, "/cancel", "/retry", "/give-back")));
			case 0, 1,
					2 ->
				post("/api/rewrite").param("target", target)
					.param("arch", arch)
					.param("strict", random.nextBoolean() ? "true" : "x")
					.header("Accept", random.nextBoolean() ? "text/plain" : "application/json")
					.contentType(random.nextInt(4) == 0 ? "application/x-www-form-urlencoded" : "text/plain")
					.content(mutate(random, corpus.dockerfile(random)));
			case 3, 4 -> post("/api/dockerfile/parse").content(mutate(random, corpus.dockerfile(random)));
			case 5, 6 -> post("/api/manifest").content(mutate(random, corpus.manifest(random)));
			case 7, 8 -> post("/api/rewrite/context").param("target", target)
				.param("arch", arch)
				.contentType("application/gzip")
				.content(archive(random, corpus));
			case 9 -> get(pick(random, "/api/images/", "/api/images/", "/api/builds/") + pathPart(random, corpus))
				.param("arch", arch);
			case 10 -> get(pick(random, "/api/catalog/contexts.tar.gz",
					"/api/images/" + corpus.imageId(random) + "/context.tar.gz", "/api/catalog", "/api/images",
					"/api/base-images"))
				.param("target", target)
				.param("arch", arch);
			default -> rawQuery(random, pick(random, "/api/images", "/api/rewrite", "/api/catalog"));
		};
	}

	/**
	 * The operator's token: the import and the build endpoints parse what they are sent
	 * only for the operator. Base-image bootstraps are left out: each one would start a
	 * debootstrap.
	 */
	private static MockHttpServletRequestBuilder asOperator(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer fuzz-token");
	}

	/** An order of builds as JSON, of catalog images, unknown ones and odd values. */
	private static byte[] buildOrder(Random random, Corpus corpus, String arch) {
		String images = pick(random, "[]", "[\"" + corpus.imageId(random) + "\"]", "[\"nope\", 1]", "\"x\"", "null",
				"[" + "\"a\",".repeat(random.nextInt(2000)) + "\"a\"]");
		String order = "{\"images\":" + images + ",\"arch\":\"" + arch.replace("\n", "\\n") + "\",\"force\":"
				+ pick(random, "true", "false", "\"x\"", "null") + "}";
		return order.getBytes(StandardCharsets.UTF_8);
	}

	/** A tree: a mutated manifest.go and image folders of hostile entries. */
	static byte[] tree(Random random, Corpus corpus) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			put(tar, file("test/utils/image/manifest.go", mutate(random, corpus.manifest(random))));
			for (int n = random.nextInt(4); n > 0; n--) {
				String folder = "test/images/" + corpus.imageId(random) + "/";
				put(tar, file(folder + "Dockerfile", mutate(random, corpus.dockerfile(random))));
				Entry hostile = hostile(random);
				hostile.header().setName(folder + hostile.header().getName());
				put(tar, hostile);
			}
		}
		return bytes.toByteArray();
	}

	/**
	 * What is wrong with the first entry of an answered archive whose name, or whose
	 * link's target, leads outside the archive's root, or which holds the canary; null
	 * when every one stays inside.
	 */
	static String entryOutside(byte[] gzip) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new GZIPInputStream(new ByteArrayInputStream(gzip)))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				Path root = Path.of("/root-of-the-archive");
				Path at = root.resolve(entry.getName()).normalize();
				if (entry.getName().startsWith("/") || !at.startsWith(root)) {
					return "an archive whose entry " + entry.getName() + " leads outside it";
				}
				if (entry.isSymbolicLink() && (entry.getLinkName().startsWith("/")
						|| !at.getParent().resolve(entry.getLinkName()).normalize().startsWith(root))) {
					return "an archive whose link " + entry.getName() + " -> " + entry.getLinkName()
							+ " leads outside it";
				}
				if (entry.isLink() && !root.resolve(entry.getLinkName()).normalize().startsWith(root)) {
					return "an archive whose hard link " + entry.getName() + " -> " + entry.getLinkName()
							+ " leads outside it";
				}
				if (new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1).contains(SECRET)) {
					return "an archive whose entry " + entry.getName() + " holds a file of the server's disk";
				}
			}
		}
		return null;
	}

	/** A query string as written, percent-escapes and all. */
	private static MockHttpServletRequestBuilder rawQuery(Random random, String path) {
		String query = pick(random, "x=%zz", "target=%", "arch=%e9", "a=%%", "=&&=", "target=%c3%28", "strict=%00",
				"q=" + "%41".repeat(1 + random.nextInt(200)));
		MockHttpServletRequestBuilder request = path.equals("/api/rewrite") ? post(path).content("FROM alpine\n")
				: get(path);
		return request.with(r -> {
			r.setQueryString(query);
			return r;
		});
	}

	private static String pathPart(Random random, Corpus corpus) {
		return pick(random, corpus.imageId(random), "-1", "99999999999999999999", "%2e%2e", "..%2f..%2fetc",
				"a".repeat(1 + random.nextInt(500)), "0", "1/log", "2/log?offset=-5");
	}

	/** Lines spliced, bytes flipped, cut short, or repeated. */
	static byte[] mutate(Random random, byte[] seed) {
		byte[] bytes = seed.clone();
		switch (random.nextInt(6)) {
			case 0 -> {
				for (int n = random.nextInt(8); n >= 0 && bytes.length > 0; n--) {
					bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
				}
			}
			case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
			case 2 -> {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				for (int n = 1 + random.nextInt(40); n > 0; n--) {
					out.writeBytes(bytes);
				}
				bytes = out.toByteArray();
			}
			case 3 -> {
				String text = new String(bytes, StandardCharsets.UTF_8);
				String[] noise = { "\\\n", "$", "${", "}", "(", "'", "\"", "<<EOF\n", "`", "\r", "\u0000", "#", "&&",
						"${a/*/b}", "${x:-${x:-${x}}}", "[", "{", "/*", "\"\\", "iota", ":=" };
				StringBuilder out = new StringBuilder(text);
				for (int n = 1 + random.nextInt(20); n > 0; n--) {
					out.insert(random.nextInt(out.length() + 1), noise[random.nextInt(noise.length)]);
				}
				bytes = out.toString().getBytes(StandardCharsets.UTF_8);
			}
			case 4 -> {
				byte[] garbage = new byte[random.nextInt(4096)];
				random.nextBytes(garbage);
				bytes = garbage;
			}
			default -> {
			}
		}
		return bytes;
	}

	/** A context archive: good, hostile, truncated or not an archive at all. */
	static byte[] archive(Random random, Corpus corpus) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			if (random.nextInt(5) > 0) {
				put(tar, file("Dockerfile", mutate(random, corpus.dockerfile(random))));
			}
			for (int n = random.nextInt(6); n > 0; n--) {
				put(tar, hostile(random));
			}
			if (random.nextInt(50) == 0) {
				bomb(tar);
			}
		}
		byte[] archive = bytes.toByteArray();
		return switch (random.nextInt(5)) {
			case 0 -> Arrays.copyOf(archive, random.nextInt(archive.length + 1));
			case 1 -> mutate(random, archive);
			default -> archive;
		};
	}

	/** 65 MiB of zeros, past what a context may unpack to, in about 65 KB of gzip. */
	private static void bomb(TarArchiveOutputStream tar) throws IOException {
		TarArchiveEntry entry = new TarArchiveEntry("zeros");
		byte[] mib = new byte[1 << 20];
		entry.setSize(65L * mib.length);
		tar.putArchiveEntry(entry);
		for (int i = 0; i < 65; i++) {
			tar.write(mib);
		}
		tar.closeArchiveEntry();
	}

	record Entry(TarArchiveEntry header, byte[] content) {
	}

	private static Entry file(String name, byte[] content) {
		// a name ending in a slash would make a folder, which has no content
		TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name + "f" : name);
		entry.setSize(content.length);
		return new Entry(entry, content);
	}

	private static Entry hostile(Random random) {
		String name = pick(random, "a/l", "a/l/l2", "../x", "/etc/passwd", "BASEIMAGE", "dir/", "Dockerfile",
				"x/./../../y", "c:\\\\w", "a/" + "b/".repeat(100) + "c");
		return switch (random.nextInt(6)) {
			case 0 -> link(name, TarArchiveEntry.LF_SYMLINK, pick(random, "..", "/", "../../..", "a", "l/../..",
					CANARY.toString(), CANARY.getParent().toString(), "../../../../../../.." + CANARY));
			case 1 -> link(name, TarArchiveEntry.LF_LINK, pick(random, "Dockerfile", "missing", "../x", "a/l"));
			case 2 ->
				link(name, pick(random, TarArchiveEntry.LF_CHR, TarArchiveEntry.LF_BLK, TarArchiveEntry.LF_FIFO), "");
			case 3 -> new Entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/"), new byte[0]);
			case 4 -> file("BASEIMAGE",
					("linux/amd64=alpine:3.20\n" + "x".repeat(random.nextInt(300))).getBytes(StandardCharsets.UTF_8));
			default -> file(name, new byte[random.nextInt(2048)]);
		};
	}

	private static Entry link(String name, byte type, String target) {
		TarArchiveEntry entry = new TarArchiveEntry(name, type);
		entry.setLinkName(target);
		return new Entry(entry, new byte[0]);
	}

	private static void put(TarArchiveOutputStream tar, Entry entry) throws IOException {
		tar.putArchiveEntry(entry.header());
		tar.write(entry.content());
		tar.closeArchiveEntry();
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	private static String describe(MockHttpServletRequestBuilder request) {
		return abbreviate(request.toString());
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	/** The golden Dockerfiles and manifest.go fixtures the mutations start from. */
	record Corpus(List<byte[]> dockerfiles, List<byte[]> manifests, List<String> imageIds) {

		static Corpus load() throws IOException {
			List<byte[]> dockerfiles = new ArrayList<>();
			try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/rewrite"))) {
				for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
					dockerfiles.add(Files.readAllBytes(dir.resolve("before.Dockerfile")));
				}
			}
			List<byte[]> manifests = new ArrayList<>();
			try (Stream<Path> files = Files.list(Path.of("src/test/resources/manifest"))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".go")).sorted().toList()) {
					manifests.add(Files.readAllBytes(file));
				}
			}
			return new Corpus(dockerfiles, manifests, List.of("agnhost", "busybox", "etcd", "nginx", "pause", "x"));
		}

		byte[] dockerfile(Random random) {
			return dockerfiles.get(random.nextInt(dockerfiles.size()));
		}

		byte[] manifest(Random random) {
			return manifests.get(random.nextInt(manifests.size()));
		}

		String imageId(Random random) {
			return imageIds.get(random.nextInt(imageIds.size()));
		}

	}

}
