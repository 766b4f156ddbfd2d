package dev.rebaser.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The built-in rules as they are written, so a change report's rule id can point at its
 * rule.
 */
@Controller
class RulesPageController {

	private final RuleFilesText rules;

	RulesPageController(RuleFilesText rules) {
		this.rules = rules;
	}

	@GetMapping("/rules")
	String rules(Model model) {
		model.addAttribute("files", rules.files());
		return "rules";
	}

}
