package dev.rebaser.rewriting;

import dev.rebaser.catalog.ContextBundle;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.packages.AptSources;
import dev.rebaser.packages.PackageIndexes;
import dev.rebaser.rewrite.Rewriter;
import dev.rebaser.rules.RuleSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rewrite rules are loaded once at start-up: a broken rule file stops the service
 * with the file, line and problem, instead of failing requests later.
 */
@EnableConfigurationProperties({ RulesProperties.class, PackagesProperties.class })
@Configuration(proxyBeanMethods = false)
public class RewriteConfiguration {

	@Bean
	public RuleSet ruleSet(RulesProperties properties) {
		String extraFolder = properties.extraFolder();
		return extraFolder.isBlank() ? RuleSet.builtin() : RuleSet.builtin(Path.of(extraFolder));
	}

	@Bean
	public Rewriter rewriter(RuleSet rules) {
		return new Rewriter(rules);
	}

	/**
	 * Debian package indexes: from the cache, else the machine's apt lists, else the
	 * mirror of the machine's apt sources (or the one configured).
	 */
	@Bean
	public PackageIndexes packageIndexes(PackagesProperties properties) {
		String mirror = properties.mirror();
		AptSources sources = mirror.isBlank() ? AptSources.read(Path.of("/etc/apt"))
				: AptSources.ofMirror(URI.create(mirror));
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		return new PackageIndexes(properties.cacheFolder(), sources, http, Path.of("/var/lib/apt/lists"));
	}

	@Bean
	public ContextRewrite contextRewrite(Rewriter rewriter) {
		return new ContextRewrite(rewriter);
	}

	@Bean
	public ContextBundle contextBundle(ContextRewrite contextRewrite) {
		return new ContextBundle(contextRewrite);
	}

}
