package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.ShellCommand;
import dev.rebaser.dockerfile.Word;
import dev.rebaser.rules.CommandOption;
import dev.rebaser.rules.CommandTranslation;
import dev.rebaser.rules.Distro;
import dev.rebaser.rules.FlagCondition;
import dev.rebaser.rules.UserCommandForm;
import dev.rebaser.rules.UserCommandRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BusyBox adduser / addgroup / deluser / delgroup, translated by the rules of
 * commands.yaml.
 */
final class UserCommandTranslator {

	/** The translated command as shell words, or why it could not be translated. */
	record Result(String ruleId, List<String> words, String problem) {
	}

	private UserCommandTranslator() {
	}

	static void rewrite(ScriptRewriter script, ShellCommand command, UserCommandRule rule) {
		int line = script.line(command.span().start());
		Result result = translate(command.words(), rule, script.tx.target().distro());
		if (result.problem() != null) {
			script.tx.log().warn(line, "user-command-untranslated", result.problem());
			return;
		}
		String after = String.join(" ", result.words());
		script.edits.replace(ScriptRewriter.wordsStart(command), ScriptRewriter.wordsEnd(command), after);
		script.tx.log().change(line, result.ruleId(), script.before(command), after);
	}

	/**
	 * Reads the BusyBox options as BusyBox does (bundled short flags, attached or
	 * separate values, long spellings).
	 */
	static Result translate(List<Word> words, UserCommandRule rule, Distro distro) {
		List<String[]> given = new ArrayList<>(); // {key, value as a shell word or null}
		List<String> arguments = new ArrayList<>();
		boolean endOfOptions = false;
		for (int i = 1; i < words.size(); i++) {
			Word word = words.get(i);
			String literal = word.literal();
			if (endOfOptions || literal == null || literal.length() < 2 || literal.charAt(0) != '-') {
				arguments.add(word.raw());
				continue;
			}
			if (literal.equals("--")) {
				endOfOptions = true;
				continue;
			}
			if (literal.startsWith("--")) {
				int eq = literal.indexOf('=');
				String name = eq > 0 ? literal.substring(0, eq) : literal;
				Optional<CommandOption> option = rule.option(name);
				if (option.isEmpty()) {
					return problem(rule, "option " + name + " is not one BusyBox " + rule.command() + " knows");
				}
				String value = null;
				if (option.get().takesValue()) {
					if (eq > 0) {
						value = Quoting.shell(literal.substring(eq + 1));
					}
					else if (++i < words.size()) {
						value = words.get(i).raw();
					}
					else {
						return problem(rule, "option " + name + " lacks its value");
					}
				}
				given.add(new String[] { option.get().name(), value });
				continue;
			}
			for (int c = 1; c < literal.length(); c++) {
				String name = "-" + literal.charAt(c);
				Optional<CommandOption> option = rule.option(name);
				if (option.isEmpty()) {
					return problem(rule, "option " + name + " is not one BusyBox " + rule.command() + " knows");
				}
				if (option.get().takesValue()) {
					String value;
					if (c + 1 < literal.length()) {
						value = Quoting.shell(literal.substring(c + 1));
					}
					else if (++i < words.size()) {
						value = words.get(i).raw();
					}
					else {
						return problem(rule, "option " + name + " lacks its value");
					}
					given.add(new String[] { option.get().name(), value });
					break;
				}
				given.add(new String[] { option.get().name(), null });
			}
		}
		Optional<UserCommandForm> form = rule.formFor(arguments.size());
		if (form.isEmpty() || !form.get().optionsAllowed() && !given.isEmpty()) {
			return problem(rule, rule.command() + " with " + arguments.size() + " argument(s)"
					+ (given.isEmpty() ? "" : " and options") + " matches no form of the rule");
		}
		Optional<CommandTranslation> translation = form.get().translationFor(distro);
		if (translation.isEmpty()) {
			return problem(rule, form.get().id() + " has no translation for " + distro.key());
		}
		Map<String, String> values = new HashMap<>();
		Set<String> keys = new LinkedHashSet<>();
		for (String[] option : given) {
			keys.add(option[0]);
			rule.options().get(option[0]).value().ifPresent(name -> values.put(name, option[1]));
		}
		for (int i = 0; i < arguments.size(); i++) {
			values.put(form.get().arguments().get(i), arguments.get(i));
		}
		CommandTranslation t = translation.get();
		List<String> out = new ArrayList<>();
		out.add(t.command());
		for (String[] option : given) {
			List<String> flags = t.flags().get(option[0]);
			if (flags == null) {
				return problem(rule,
						"option " + option[0] + " of " + rule.command() + " has no translation for " + distro.key());
			}
			substitute(flags, values, out);
		}
		for (FlagCondition condition : t.when()) {
			if (condition.appliesTo(keys)) {
				substitute(condition.add(), values, out);
			}
		}
		substitute(t.arguments(), values, out);
		return new Result(form.get().id(), out, null);
	}

	private static void substitute(List<String> words, Map<String, String> values, List<String> out) {
		for (String word : words) {
			int open = word.indexOf('{');
			if (open < 0) {
				out.add(Quoting.shell(word));
				continue;
			}
			StringBuilder text = new StringBuilder();
			int at = 0;
			while (open >= 0) {
				int close = word.indexOf('}', open);
				if (close < 0) {
					break;
				}
				text.append(word, at, open);
				String value = values.get(word.substring(open + 1, close));
				text.append(value == null ? "" : value);
				at = close + 1;
				open = word.indexOf('{', at);
			}
			out.add(text.append(word.substring(at)).toString());
		}
	}

	private static Result problem(UserCommandRule rule, String message) {
		return new Result(rule.id(), List.of(),
				message + "; kept as written (the target has no BusyBox " + rule.command() + ")");
	}

}
