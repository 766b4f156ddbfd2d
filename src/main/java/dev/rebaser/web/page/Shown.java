package dev.rebaser.web.page;

import java.util.List;

/**
 * The first rows of a long table and how many are left out: a page that showed every row
 * of a 1 MiB Dockerfile would cost seconds to render and tens of MB to send, while the
 * rewritten file itself stays whole for copying and downloading.
 */
public record Shown<T>(List<T> rows, int notShown) {

	/** Rows of a diff or of a list of changes that a page shows at most. */
	static final int MAX_ROWS = 1_000;

	static <T> Shown<T> first(List<T> all) {
		return all.size() <= MAX_ROWS ? new Shown<>(all, 0)
				: new Shown<>(List.copyOf(all.subList(0, MAX_ROWS)), all.size() - MAX_ROWS);
	}

}
