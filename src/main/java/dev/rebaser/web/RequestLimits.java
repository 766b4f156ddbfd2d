package dev.rebaser.web;

import dev.rebaser.context.ArchiveLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rebaser.max-body-bytes} and {@code rebaser.context.*}: how much a request may
 * send, a Dockerfile or manifest.go on its own, or a compressed build context with the
 * number of entries and the bytes it may unpack to; and {@code rebaser.request.*}, the
 * processor time and the wall time a request that is not the operator's may take.
 */
@ConfigurationProperties("rebaser")
public record RequestLimits(@DefaultValue("1048576") long maxBodyBytes, @DefaultValue Context context,
		@DefaultValue Request request) {

	public record Context(@DefaultValue("16777216") long maxBodyBytes, @DefaultValue("10000") int maxEntries,
			@DefaultValue("67108864") long maxUnpackedBytes) {

		public ArchiveLimits archive() {
			return new ArchiveLimits(maxEntries, maxUnpackedBytes);
		}

	}

	public record Request(@DefaultValue("5s") Duration cpuBudget, @DefaultValue("30s") Duration timeout) {

	}

}
