package dev.rebaser.build.queue;

import static dev.rebaser.build.queue.BuildState.BUILDING;
import static dev.rebaser.build.queue.BuildState.BUILT;
import static dev.rebaser.build.queue.BuildState.CANCELLED;
import static dev.rebaser.build.queue.BuildState.FAILED;
import static dev.rebaser.build.queue.BuildState.NEEDS_BUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The board's SQL against a real database with the real migrations; the subclasses choose
 * which. Each test starts from empty build tables.
 */
abstract class BuildBoardCases {

	static final String ARCH = "mips64le";

	static final String HOST = "unix:///var/run/docker.sock";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BuildQueue queue;

	BuildBoard board;

	BoardRecords records;

	@BeforeEach
	void board() {
		board = new BuildBoard(jdbc);
		records = new BoardRecords(jdbc);
		records.clear();
	}

	@Test
	void latestIsTheNewestJobOfEachImageAndArch() {
		records.job("a", "mips64le", FAILED, 0, 30);
		long aMips = records.job("a", "mips64le", BUILT, 5, 90);
		long aAmd = records.job("a", "amd64", BUILDING, 6, 0);
		records.job("b", "mips64le", CANCELLED, 1, 10);
		long bMips = records.job("b", "mips64le", NEEDS_BUILD, 7, 0);

		List<BuildBoard.Entry> latest = board.latest();

		assertThat(latest).extracting(BuildBoard.Entry::jobId).containsExactlyInAnyOrder(aMips, aAmd, bMips);
		BuildBoard.Entry built = latest.stream().filter(e -> e.jobId() == aMips).findFirst().orElseThrow();
		assertThat(built.imageKey()).isEqualTo("a");
		assertThat(built.arch()).isEqualTo("mips64le");
		assertThat(built.state()).isEqualTo(BUILT);
		assertThat(built.createdAt()).isEqualTo(BoardRecords.T0.plusSeconds(300));
		assertThat(built.finishedAt()).isEqualTo(BoardRecords.T0.plusSeconds(300 + 60 + 90));
		assertThat(built.duration(Instant.now())).isEqualTo(Duration.ofSeconds(90));
		assertThat(built.lastChange()).isEqualTo(built.finishedAt());
	}

	@Test
	void countsTakeOnlyTheNewestJobOfEachCell() {
		records.job("a", "mips64le", FAILED, 0, 30);
		records.job("a", "mips64le", BUILT, 5, 90);
		records.job("b", "mips64le", BUILT, 1, 10);
		records.job("b", "amd64", FAILED, 2, 10);

		Map<BuildState, Long> counts = board.latestCounts();

		assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(BUILT, 2L, FAILED, 1L));
	}

	@Test
	void historyIsPagedNewestFirstAcrossArches() {
		for (int i = 0; i < 45; i++) {
			records.job("a", i % 2 == 0 ? "mips64le" : "amd64", BUILT, i, 5);
			records.job("b", "mips64le", BUILT, i, 5);
		}

		BuildBoard.Page first = board.history("a", 0, 20);
		BuildBoard.Page last = board.history("a", 40, 20);

		assertThat(first.total()).isEqualTo(45);
		assertThat(first.entries()).hasSize(20).allMatch(e -> e.imageKey().equals("a"));
		assertThat(first.entries()).extracting(BuildBoard.Entry::jobId)
			.isSortedAccordingTo((x, y) -> Long.compare(y, x));
		assertThat(first.entries().get(0).createdAt()).isEqualTo(BoardRecords.T0.plusSeconds(60L * 44));
		assertThat(first.hasNewer()).isFalse();
		assertThat(first.hasOlder()).isTrue();
		assertThat(last.entries()).hasSize(5);
		assertThat(last.entries().get(4).createdAt()).isEqualTo(BoardRecords.T0);
		assertThat(last.hasNewer()).isTrue();
		assertThat(last.hasOlder()).isFalse();
		assertThat(board.history("nothing", 0, 20).entries()).isEmpty();
		assertThatThrownBy(() -> board.history("a", -1, 20)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void eventsOfManyJobsComeInOneMapInTheOrderTheyHappened() {
		List<BuildJob> queued = queue.enqueue(
				List.of(QueuedImage.of("p", "rebaser.test/p:1"), QueuedImage.of("q", "rebaser.test/q:1")), ARCH, false,
				"user:test");
		long p = queued.get(0).getId();
		long q = queued.get(1).getId();
		BuildJob claimed = queue.claim(HOST, "i1").orElseThrow();
		assertThat(claimed.getId()).isEqualTo(p);
		queue.markBuilt(p, "i1", "sha256:1", "done");
		queue.cancel(q, "user:test");

		Map<Long, List<BuildBoard.Event>> events = board.events(List.of(q, p, 999_999L));

		assertThat(events.get(p)).extracting(BuildBoard.Event::to).containsExactly(NEEDS_BUILD, BUILDING, BUILT);
		assertThat(events.get(p)).extracting(BuildBoard.Event::from).containsExactly(null, NEEDS_BUILD, BUILDING);
		assertThat(events.get(q)).extracting(BuildBoard.Event::to).containsExactly(NEEDS_BUILD, CANCELLED);
		assertThat(events.get(q).get(1).actor()).isEqualTo("user:test");
		assertThat(events.get(999_999L)).isEmpty();
		assertThat(board.events(List.of())).isEmpty();
	}

	@Test
	void aRunningBuildLastsUntilNowAndAQueuedOneHasNoDuration() {
		long building = records.job("a", "mips64le", BUILDING, 0, 0);
		long waiting = records.job("b", "mips64le", NEEDS_BUILD, 0, 0);
		Map<Long, BuildBoard.Entry> byId = board.latest()
			.stream()
			.collect(java.util.stream.Collectors.toMap(BuildBoard.Entry::jobId, e -> e));

		Instant now = BoardRecords.T0.plusSeconds(60 + 125);
		assertThat(byId.get(building).duration(now)).isEqualTo(Duration.ofSeconds(125));
		assertThat(byId.get(building).finishedAt()).isNull();
		assertThat(byId.get(waiting).duration(now)).isNull();
		assertThat(byId.get(waiting).lastChange()).isEqualTo(BoardRecords.T0);
	}

}
