package dev.rebaser.catalog;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextFile;
import dev.rebaser.context.TarFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Small trees for the catalog tests: in memory, on disk, and as .tar.gz. */
final class Trees {

	static final Path EXAMPLE = Path.of("src/main/resources/example-tree");

	private Trees() {
	}

	/** path, text, path, text, … */
	static Map<String, String> files(String... pathsAndTexts) {
		Map<String, String> files = new LinkedHashMap<>();
		for (int i = 0; i < pathsAndTexts.length; i += 2) {
			files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
		}
		return files;
	}

	static SourceTree tree(Map<String, String> files) {
		BuildContext context = new BuildContext();
		files.forEach(context::putText);
		return new SourceTree(context, "test tree");
	}

	/**
	 * A manifest.go in the current shape naming the given images, "name:version" each, in
	 * e2e's registry.
	 */
	static String manifest(String... images) {
		StringBuilder go = new StringBuilder("""
				package image

				type RegistryList struct {
					PromoterE2eRegistry string `yaml:"promoterE2eRegistry"`
				}

				type Config struct {
					registry string
					name     string
					version  string
				}

				type ImageID int

				var initRegistry = RegistryList{
					PromoterE2eRegistry: "registry.k8s.io/e2e-test-images",
				}

				func initImageConfigs(list RegistryList) map[ImageID]Config {
					configs := map[ImageID]Config{}
				""");
		for (int i = 0; i < images.length; i++) {
			String[] parts = images[i].split(":");
			go.append("\tconfigs[Image")
				.append(i)
				.append("] = Config{list.PromoterE2eRegistry, \"")
				.append(parts[0])
				.append("\", \"")
				.append(parts[1])
				.append("\"}\n");
		}
		go.append("\treturn configs\n}\n\nconst (\n\tNone ImageID = iota\n");
		for (int i = 0; i < images.length; i++) {
			go.append("\tImage").append(i).append('\n');
		}
		return go.append(")\n").toString();
	}

	static Map<String, String> readAll(Path root) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
				files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
			}
		}
		return files;
	}

	static void write(Map<String, String> files, Path root) throws IOException {
		for (Map.Entry<String, String> file : files.entrySet()) {
			Path path = root.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue());
		}
	}

	/**
	 * A .tar.gz of the files, each under {@code wrapper} (e.g. "kubernetes-1.30.0/", or
	 * "").
	 */
	static byte[] tarGz(String wrapper, Map<String, String> files) {
		try {
			return TarFixtures.tarGz(tar -> files.forEach((path, text) -> TarFixtures.file(tar, wrapper + path, text)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String text(ContextFile file) {
		return new String(file.content(), StandardCharsets.UTF_8);
	}

}
