package dev.rebaser.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The built-in rules as they are written, so a change report's rule id can point at its
 * rule.
 */
@Controller
public class RulesPageController {

	private final RuleFilesText rules;

	public RulesPageController(RuleFilesText rules) {
		this.rules = rules;
	}

	@GetMapping("/rules")
	public String rules(Model model) {
		model.addAttribute("files", rules.files());
		return "rules";
	}

}
