package dev.rebaser.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security checks what it posts to /login. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
