package dev.rebaser.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.diff.LineDiff.Kind;
import dev.rebaser.diff.LineDiff.Row;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

	@Test
	void equalTextsHaveNoChanges() {
		LineDiff diff = LineDiff.of("FROM a\nRUN b\n", "FROM a\nRUN b\n");
		assertThat(diff.changed()).isFalse();
		assertThat(diff.rows()).extracting(Row::leftNumber).containsExactly(1, 2);
	}

	@Test
	void aChangedLineFacesItsReplacement() {
		LineDiff diff = LineDiff.of("FROM alpine:3.19\nRUN apk add curl\nCMD [\"sh\"]\n",
				"FROM debian:bookworm-slim\nRUN apt-get install curl\nCMD [\"sh\"]\n");
		assertThat(diff.rows()).containsExactly(
				new Row(1, "FROM alpine:3.19", 1, "FROM debian:bookworm-slim", Kind.CHANGED),
				new Row(2, "RUN apk add curl", 2, "RUN apt-get install curl", Kind.CHANGED),
				new Row(3, "CMD [\"sh\"]", 3, "CMD [\"sh\"]", Kind.SAME));
		assertThat(diff.changes()).isEqualTo(2);
	}

	@Test
	void addedAndRemovedLinesKeepTheirNumbersOnTheirSide() {
		LineDiff diff = LineDiff.of("a\nb\nc\nd", "a\nx\ny\nc\nd\ne");
		assertThat(diff.rows()).containsExactly(new Row(1, "a", 1, "a", Kind.SAME),
				new Row(2, "b", 2, "x", Kind.CHANGED), new Row(null, null, 3, "y", Kind.ADDED),
				new Row(3, "c", 4, "c", Kind.SAME), new Row(4, "d", 5, "d", Kind.SAME),
				new Row(null, null, 6, "e", Kind.ADDED));
	}

	@Test
	void aLineMovedPastOthersIsMatchedOnce() {
		LineDiff diff = LineDiff.of("a\nb\nc\n", "b\nc\na\n");
		List<Row> same = diff.rows().stream().filter(Row::same).toList();
		assertThat(same).extracting(Row::left).containsExactly("b", "c");
		assertThat(diff.rows()).contains(new Row(1, "a", null, null, Kind.REMOVED),
				new Row(null, null, 3, "a", Kind.ADDED));
	}

	@Test
	void lineEndingsAndAFinalBreakDoNotCount() {
		assertThat(LineDiff.of("a\r\nb\r\n", "a\nb").changed()).isFalse();
		assertThat(LineDiff.of("", "a\n").rows()).containsExactly(new Row(null, null, 1, "a", Kind.ADDED));
	}

	@Test
	void aReplacedLineFacesTheLineMostLikeItNotTheFirstOne() {
		LineDiff diff = LineDiff.of("""
				FROM $BASEIMAGE
				CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

				RUN apk --update add --no-cache curl
				COPY agnhost.sh /agnhost
				""", """
				FROM $BASEIMAGE
				RUN apt-get update && apt-get install -y curl
				COPY agnhost.sh /agnhost
				""");
		assertThat(diff.rows()).containsExactly(new Row(1, "FROM $BASEIMAGE", 1, "FROM $BASEIMAGE", Kind.SAME),
				new Row(2, "CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/", null, null, Kind.REMOVED),
				new Row(3, "", null, null, Kind.REMOVED),
				new Row(4, "RUN apk --update add --no-cache curl", 2, "RUN apt-get update && apt-get install -y curl",
						Kind.CHANGED),
				new Row(5, "COPY agnhost.sh /agnhost", 3, "COPY agnhost.sh /agnhost", Kind.SAME));
	}

	@Test
	void everyLineOfBothSidesAppearsOnceInOrder() {
		String before = numbered("RUN apk add p", 300) + "CMD x\n";
		String after = numbered("RUN apt-get install -y p", 200) + "CMD x\n" + numbered("ENV V", 50);
		LineDiff diff = LineDiff.of(before, after);
		assertThat(diff.rows()).extracting(Row::leftNumber)
			.filteredOn(number -> number != null)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 301).boxed().toList());
		assertThat(diff.rows()).extracting(Row::rightNumber)
			.filteredOn(number -> number != null)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 251).boxed().toList());
		assertThat(diff.rows()).contains(new Row(301, "CMD x", 201, "CMD x", Kind.SAME));
	}

	@Test
	void textsTooDifferentToSearchStillComeOutWhole() {
		// every line differs: Myers' search would take (N+M)*D steps, so it gives up
		String before = numbered("a", 20_000);
		String after = numbered("b", 20_000);
		LineDiff.Work work = new LineDiff.Work();
		LineDiff diff = LineDiff.of(before, after, work);
		assertThat(diff.rows()).hasSize(20_000).allMatch(row -> row.kind() == Kind.CHANGED);
		assertThat(work.units()).isLessThanOrEqualTo(LineDiff.MATCH_BUDGET + 40_001);
	}

	@Test
	void workIsBoundedByTheBudgetPlusTheInput() {
		// Myers' search costs (N+M)*D; past its budget the diff falls back to a plain
		// block,
		// so the work never exceeds the budget plus a constant per byte, however large.
		for (String shape : List.of("edits", "disjoint", "oneLongLine")) {
			for (int n = 1_000; n <= 64_000; n *= 4) {
				long bytes = 2L * n * 12;
				assertThat(work(shape, n)).as(shape + " at " + n + " lines")
					.isLessThanOrEqualTo(LineDiff.MATCH_BUDGET + 10 * bytes);
			}
		}
	}

	private static long work(String shape, int n) {
		String before;
		String after;
		switch (shape) {
			case "edits" -> {
				StringBuilder left = new StringBuilder();
				StringBuilder right = new StringBuilder();
				for (int i = 0; i < n; i++) {
					left.append("RUN step ").append(i).append('\n');
					right.append(i % 10 == 0 ? "RUN changed " : "RUN step ").append(i).append('\n');
				}
				before = left.toString();
				after = right.toString();
			}
			case "disjoint" -> {
				before = numbered("a", n);
				after = numbered("b", n);
			}
			default -> {
				before = "RUN " + "x ".repeat(n * 10) + "\n";
				after = "RUN " + "y ".repeat(n * 10) + "\n";
			}
		}
		LineDiff.Work work = new LineDiff.Work();
		LineDiff.of(before, after, work);
		return work.units();
	}

	private static String numbered(String prefix, int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(prefix).append(' ').append(i).append('\n');
		}
		return text.toString();
	}

}
