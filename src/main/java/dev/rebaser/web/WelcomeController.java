package dev.rebaser.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
class WelcomeController {

	@GetMapping("/")
	String welcome(HttpServletRequest request, Model model) {
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromContextPath(request).toUriString());
		return "welcome";
	}

}
