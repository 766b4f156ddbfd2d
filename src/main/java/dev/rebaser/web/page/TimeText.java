package dev.rebaser.web.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times and durations as the pages print them: UTC, to the second, short. */
public final class TimeText {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private TimeText() {
	}

	public static String at(Instant at) {
		return at == null ? "" : AT.format(at);
	}

	/** ISO 8601, for the datetime attribute of a time element. */
	public static String iso(Instant at) {
		return at == null ? "" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
	}

	public static String duration(Duration duration) {
		if (duration == null) {
			return "";
		}
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return seconds / 60 + "m " + seconds % 60 + "s";
		}
		return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
	}

}
