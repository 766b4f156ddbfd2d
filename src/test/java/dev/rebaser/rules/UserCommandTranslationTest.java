package dev.rebaser.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Applies the user-command rules exactly as commands.yaml documents it, to show that the
 * data alone is enough to translate BusyBox command lines (the rewrite engine does this
 * for real).
 */
class UserCommandTranslationTest {

	static final RuleSet RULES = RuleSet.builtin();

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					debian | adduser -D -S -H -u 1000 app          | useradd --system --no-create-home --uid 1000 --gid nogroup --shell /bin/false app
					debian | adduser -DH app                       | useradd --no-create-home --user-group app
					debian | adduser -D -G wheel -s /bin/bash bob  | useradd --gid wheel --shell /bin/bash --create-home bob
					debian | adduser -u1234 -D nonroot             | useradd --uid 1234 --create-home --user-group nonroot
					debian | adduser --system --no-create-home app | useradd --system --no-create-home --gid nogroup --shell /bin/false app
					debian | adduser -h /srv/app -S app            | useradd --home-dir /srv/app --system --create-home --gid nogroup --shell /bin/false app
					debian | adduser bob wheel                     | usermod --append --groups wheel bob
					debian | addgroup -S -g 101 app                | groupadd --system --gid 101 app
					debian | addgroup bob wheel                    | usermod --append --groups wheel bob
					debian | deluser --remove-home bob             | userdel --remove bob
					debian | deluser bob wheel                     | gpasswd --delete bob wheel
					debian | delgroup bob wheel                    | gpasswd --delete bob wheel
					debian | delgroup app                          | groupdel app
					fedora | adduser -S app                        | useradd --system --create-home --gid nobody --shell /bin/false app
					fedora | adduser -D app                        | useradd --create-home --user-group app
					""")
	void busyBoxCommandLinesTranslate(String distro, String busyBox, String expected) {
		assertThat(String.join(" ", translate(Distro.fromKey(distro), busyBox.split(" ")))).isEqualTo(expected);
	}

	private static List<String> translate(Distro distro, String... words) {
		UserCommandRule rule = RULES.userCommand(words[0]).orElseThrow();
		Map<String, String> given = new LinkedHashMap<>(); // option key → value ("" for
															// flags), in written order
		List<String> arguments = new ArrayList<>();
		List<String> rest = Arrays.asList(words).subList(1, words.length);
		for (int i = 0; i < rest.size(); i++) {
			String word = rest.get(i);
			if (word.startsWith("--")) {
				CommandOption option = rule.option(word).orElseThrow();
				given.put(option.name(), option.takesValue() ? rest.get(++i) : "");
			}
			else if (word.startsWith("-") && word.length() > 1) {
				for (int c = 1; c < word.length(); c++) {
					CommandOption option = rule.option("-" + word.charAt(c)).orElseThrow();
					if (option.takesValue()) {
						String attached = word.substring(c + 1);
						given.put(option.name(), attached.isEmpty() ? rest.get(++i) : attached);
						break;
					}
					given.put(option.name(), "");
				}
			}
			else {
				arguments.add(word);
			}
		}
		UserCommandForm form = rule.formFor(arguments.size()).orElseThrow();
		assertThat(form.optionsAllowed() || given.isEmpty()).isTrue();
		Map<String, String> values = new LinkedHashMap<>();
		given.forEach((name, value) -> rule.options().get(name).value().ifPresent(v -> values.put(v, value)));
		for (int i = 0; i < arguments.size(); i++) {
			values.put(form.arguments().get(i), arguments.get(i));
		}
		CommandTranslation translation = form.translationFor(distro).orElseThrow();
		List<String> out = new ArrayList<>(List.of(translation.command()));
		given.keySet().forEach(name -> out.addAll(fill(translation.flags().get(name), values)));
		translation.when()
			.stream()
			.filter(condition -> condition.appliesTo(given.keySet()))
			.forEach(condition -> out.addAll(fill(condition.add(), values)));
		out.addAll(fill(translation.arguments(), values));
		return out;
	}

	private static List<String> fill(List<String> words, Map<String, String> values) {
		List<String> filled = new ArrayList<>();
		for (String word : words) {
			for (Map.Entry<String, String> value : values.entrySet()) {
				word = word.replace("{" + value.getKey() + "}", value.getValue());
			}
			filled.add(word);
		}
		return filled;
	}

}
