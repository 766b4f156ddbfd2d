package dev.rebaser.web.page;

import dev.rebaser.budget.CpuBudget;
import dev.rebaser.context.ArchiveTooLargeException;
import dev.rebaser.context.BadContextException;
import dev.rebaser.context.UnsafeArchiveException;
import dev.rebaser.diff.LineDiff;
import dev.rebaser.dockerfile.DockerfileSyntaxException;
import dev.rebaser.rewrite.RewriteResult;
import dev.rebaser.rewrite.RewriteWarning;
import dev.rebaser.rewrite.StrictModeException;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import dev.rebaser.text.StrictUtf8;
import dev.rebaser.web.RequestBodies;
import dev.rebaser.web.RequestBudgetFilter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the rewrite page shows: the form with its choices, a result with its diff and
 * report, or a refusal with the line it is about and the status the REST API gives for
 * the same input (400, 413, 422).
 */
@Component
public class RewritePage {

	private final RuleSet rules;

	private final TargetChoice targets;

	private final RuleFilesText ruleTexts;

	private final RequestBodies bodies;

	public RewritePage(RuleSet rules, TargetChoice targets, RuleFilesText ruleTexts, RequestBodies bodies) {
		this.rules = rules;
		this.targets = targets;
		this.ruleTexts = ruleTexts;
		this.bodies = bodies;
	}

	/** What the form shows: the pasted text and the choices made. */
	public record Form(String dockerfile, String target, String arch, boolean strict) {

		public Form withDockerfile(String text) {
			return new Form(text, target, arch, strict);
		}

	}

	/** A problem with the input; line and its text when the problem has a place. */
	public record Problem(String title, String message, Integer line, Integer column, String lineText,
			Shown<WarningRow> warnings) {

		public static Problem of(String title, String message) {
			return new Problem(title, message, null, null, null, Shown.first(List.of()));
		}

	}

	public record ChangeRow(int line, String ruleId, String anchor, String before, String after) {
	}

	/** Line 0: about the whole Dockerfile. */
	public record WarningRow(int line, String code, String message, String lineText) {
	}

	/**
	 * Input the page refuses before rewriting it, with the status and problem to show.
	 */
	public static final class RefusedInput extends RuntimeException {

		private final HttpStatus status;

		private final Problem problem;

		RefusedInput(HttpStatus status, Problem problem) {
			super(problem.message());
			this.status = status;
			this.problem = problem;
		}

	}

	/**
	 * The form as submitted, with the default target and arch for what was left blank.
	 */
	public Form form(String dockerfile, String target, String arch, boolean strict) {
		return new Form(dockerfile, target.isBlank() ? targets.defaultTarget() : target,
				arch.isBlank() ? rules.defaultTarget().arch() : arch, strict);
	}

	public Form emptyForm() {
		return form("", "", "", false);
	}

	/** A Dockerfile worth rewriting: not blank and within the size limit. */
	public String checked(String dockerfile) {
		if (dockerfile.isBlank()) {
			throw new RefusedInput(HttpStatus.BAD_REQUEST,
					Problem.of("Nothing to rewrite", "Paste a Dockerfile or choose a file to upload."));
		}
		long maxBytes = bodies.limits().maxBodyBytes();
		if (dockerfile.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
			throw new RefusedInput(HttpStatus.CONTENT_TOO_LARGE,
					Problem.of("Too large", "The Dockerfile is larger than " + maxBytes + " bytes."));
		}
		return dockerfile;
	}

	public ModelAndView page(Form form) {
		return page(form, HttpStatus.OK);
	}

	public ModelAndView result(Form form, String input, RewriteResult result, String dockerfileId, String contextId) {
		ModelAndView page = page(form, HttpStatus.OK);
		page.addObject("input", input);
		page.addObject("result", result.dockerfile());
		page.addObject("diff", Shown.first(LineDiff.of(input, result.dockerfile()).rows()));
		page.addObject("changes", Shown.first(result.changes()
			.stream()
			.map(c -> new ChangeRow(c.line(), c.ruleId(), ruleTexts.anchorOf(c.ruleId()), c.before(), c.after()))
			.toList()));
		page.addObject("warnings", warnings(result.warnings(), lines(input)));
		page.addObject("targetKey", result.target());
		page.addObject("dockerfileId", dockerfileId);
		page.addObject("contextId", contextId);
		return page;
	}

	/**
	 * The page for an input that cannot be rewritten, with the status that says why.
	 * @throws RuntimeException what is not about the input, unchanged
	 */
	public ModelAndView refusal(Form form, String input, RuntimeException ex) {
		if (ex instanceof RefusedInput refused) {
			return problem(form, refused.status, refused.problem);
		}
		if (ex instanceof DockerfileSyntaxException syntax) {
			return problem(form, HttpStatus.BAD_REQUEST, new Problem("Dockerfile syntax error", syntax.detail(),
					syntax.line(), syntax.column(), lineOf(lines(input), syntax.line()), Shown.first(List.of())));
		}
		if (ex instanceof StrictModeException strictMode) {
			return problem(form, HttpStatus.UNPROCESSABLE_CONTENT, new Problem("Strict mode: the rewrite has warnings",
					"Strict mode refuses a rewrite with warnings. Fix these lines, or rewrite without strict mode to "
							+ "see the result with its warnings.",
					null, null, null, warnings(strictMode.warnings(), lines(input))));
		}
		if (ex instanceof TargetChoice.UnknownTargetException) {
			return problem(form, HttpStatus.BAD_REQUEST, Problem.of("Unknown target", ex.getMessage()));
		}
		if (ex instanceof RequestBodies.BodyTooLargeException) {
			return tooLarge(form, ex.getMessage() + ".");
		}
		if (ex instanceof ArchiveTooLargeException) {
			return tooLarge(form, "The build context unpacks to too much: " + ex.getMessage() + ".");
		}
		if (ex instanceof BadContextException || ex instanceof UnsafeArchiveException) {
			return problem(form, HttpStatus.BAD_REQUEST, Problem.of("Bad build context", ex.getMessage()));
		}
		if (ex instanceof StrictUtf8.MalformedException) {
			return problem(form, HttpStatus.BAD_REQUEST, Problem.of("Not UTF-8 text",
					"The uploaded Dockerfile is not UTF-8 text: " + ex.getMessage() + "."));
		}
		if (ex instanceof CpuBudget.Exceeded budget) {
			RequestBudgetFilter.Refusal refusal = RequestBudgetFilter.Refusal.of(budget);
			return problem(form, HttpStatus.valueOf(refusal.status()),
					Problem.of(refusal.title(), refusal.detail() + "."));
		}
		throw ex;
	}

	public ModelAndView tooLarge(Form form, String message) {
		return problem(form, HttpStatus.CONTENT_TOO_LARGE, Problem.of("Too large", message));
	}

	public ModelAndView problem(Form form, HttpStatus status, Problem problem) {
		ModelAndView page = page(form, status);
		page.addObject("problem", problem);
		return page;
	}

	private ModelAndView page(Form form, HttpStatus status) {
		ModelAndView page = new ModelAndView("rewrite", status);
		page.addObject("form", form);
		page.addObject("targetNames", defaultFirst(Target::name, targets.defaultTarget()));
		page.addObject("arches", defaultFirst(Target::arch, rules.defaultTarget().arch()));
		page.addObject("maxBytes", bodies.limits().maxBodyBytes());
		page.addObject("maxContextBytes", bodies.limits().context().maxBodyBytes());
		return page;
	}

	/** One part of every target, the default first and the rest in order. */
	private List<String> defaultFirst(Function<Target, String> part, String chosen) {
		return rules.targets()
			.stream()
			.map(part)
			.distinct()
			.sorted(Comparator.comparing((String value) -> !value.equals(chosen)).thenComparing(value -> value))
			.toList();
	}

	private static Shown<WarningRow> warnings(List<RewriteWarning> warnings, List<String> lines) {
		return Shown.first(warnings.stream()
			.map(w -> new WarningRow(w.line(), w.code(), w.message(), lineOf(lines, w.line())))
			.toList());
	}

	/** Split once per page: a Dockerfile can have a warning on each of its lines. */
	private static List<String> lines(String text) {
		return text == null ? List.of() : List.of(text.split("\r\n|\r|\n", -1));
	}

	/** Line {@code number} (from 1), or null when there is no such line. */
	private static String lineOf(List<String> lines, int number) {
		return number >= 1 && number <= lines.size() ? lines.get(number - 1) : null;
	}

}
