package dev.rebaser.build.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rebaser.base.*}: where bootstrapped root filesystems are cached, and the Debian
 * mirror debootstrap reads (empty: the mirror of the machine's apt sources).
 */
@ConfigurationProperties("rebaser.base")
public record BaseImageProperties(@DefaultValue("/var/cache/rebaser/base") Path cacheFolder, String mirror) {

	public BaseImageProperties {
		mirror = mirror == null ? "" : mirror;
	}

}
