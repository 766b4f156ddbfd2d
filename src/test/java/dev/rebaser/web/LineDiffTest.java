package dev.rebaser.web;

import java.util.List;

import dev.rebaser.web.LineDiff.Kind;
import dev.rebaser.web.LineDiff.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

}
