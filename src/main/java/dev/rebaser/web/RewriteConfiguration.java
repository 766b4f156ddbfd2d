package dev.rebaser.web;

import dev.rebaser.context.ContextRewrite;
import dev.rebaser.rewrite.Rewriter;
import dev.rebaser.rules.RuleSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The rewrite rules are loaded once at start-up: a broken rule file stops the service with the
 * file, line and problem, instead of failing requests later.
 */
@Configuration(proxyBeanMethods = false)
class RewriteConfiguration {

	@Bean
	RuleSet ruleSet(@Value("${rebaser.rules.extra-folder:}") String extraFolder) {
		return extraFolder.isBlank() ? RuleSet.builtin() : RuleSet.builtin(Path.of(extraFolder));
	}

	@Bean
	Rewriter rewriter(RuleSet rules) {
		return new Rewriter(rules);
	}

	@Bean
	ContextRewrite contextRewrite(Rewriter rewriter) {
		return new ContextRewrite(rewriter);
	}

}
