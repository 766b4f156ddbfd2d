package dev.rebaser.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema that editors use must agree with the files (and reject what the loader
 * rejects).
 */
class RulesSchemaTest {

	static final Schema SCHEMA = schema();

	static Stream<Path> builtinFiles() throws IOException {
		try (Stream<Path> files = Files.list(BuiltinRulesTest.FOLDER)) {
			return files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("builtinFiles")
	void everyBuiltinFileValidates(Path file) throws IOException {
		assertThat(errors(file)).isEmpty();
	}

	@Test
	void theSchemaRejectsAnUnknownKeyAWrongTypeAndAPackageWithoutNamesOrReason() throws IOException {
		Path broken = BrokenRulesTest.BROKEN;

		assertThat(errors(broken.resolve("unknown-key/packages.yaml"))).extracting(Error::getMessage)
			.anyMatch(message -> message.contains("debain"));
		assertThat(errors(broken.resolve("wrong-type/packages.yaml"))).isNotEmpty();
		assertThat(errors(broken.resolve("no-names-no-reason/packages.yaml"))).isNotEmpty();
		assertThat(errors(broken.resolve("missing-required/targets.yaml"))).extracting(Error::getMessage)
			.anyMatch(message -> message.contains("baseImage"));
	}

	private static List<Error> errors(Path file) throws IOException {
		Object yaml;
		try (Reader reader = Files.newBufferedReader(file)) {
			yaml = new Yaml().load(reader);
		}
		JsonNode json = JsonMapper.builder().build().valueToTree(yaml);
		return SCHEMA.validate(json);
	}

	private static Schema schema() {
		try {
			String text = Files.readString(BuiltinRulesTest.FOLDER.resolve("schema/rules.schema.json"));
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
