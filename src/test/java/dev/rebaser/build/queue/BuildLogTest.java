package dev.rebaser.build.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BuildLogTest extends QueueTestSupport {

	long job() {
		return queue().enqueue(List.of(image("agnhost")), ARCH, false, "user:test").get(0).getId();
	}

	@Test
	void aReaderFollowsTheLogWhileItGrows() {
		BuildLog logs = new BuildLog(jdbc);
		long id = job();
		LogSink sink = logs.open(id);

		sink.append("Step 1/3 : FROM debian:bookworm-slim\n");
		LogSlice first = logs.read(id, 0);
		assertThat(first.text()).isEqualTo("Step 1/3 : FROM debian:bookworm-slim\n");

		sink.append("Step 2/3 : RUN apt-get update\n");
		sink.append("Hit:1 http://deb.debian.org/debian bookworm InRelease\n");
		LogSlice second = logs.read(id, first.nextOffset());
		assertThat(second.text())
			.isEqualTo("Step 2/3 : RUN apt-get update\nHit:1 http://deb.debian.org/debian bookworm InRelease\n");

		LogSlice nothingNew = logs.read(id, second.nextOffset());
		assertThat(nothingNew.text()).isEmpty();
		assertThat(nothingNew.nextOffset()).isEqualTo(second.nextOffset());
		assertThat(logs.readAll(id)).isEqualTo(first.text() + second.text());
	}

	@Test
	void anOffsetInsideAChunkReadsFromThatCharacter() {
		BuildLog logs = new BuildLog(jdbc);
		long id = job();
		logs.open(id).append("abcdef");
		logs.open(id).append("ghij");

		assertThat(logs.read(id, 3)).isEqualTo(new LogSlice("defghij", 10));
		assertThat(logs.read(id, 7)).isEqualTo(new LogSlice("hij", 10));
	}

	@Test
	void longTextIsSplitIntoChunksAndReadBackWhole() {
		BuildLog logs = new BuildLog(jdbc);
		long id = job();
		String line = "x".repeat(BuildLog.CHUNK_CHARS - 1) + "\uD83D\uDE00" + "tail\u0000!";
		logs.open(id).append(line);

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM build_log_chunk WHERE job_id = ?", Integer.class, id))
			.isEqualTo(2);
		assertThat(logs.readAll(id)).isEqualTo(line.replace("\u0000", ""));
	}

	@Test
	void aSinkOpenedLaterAppendsAfterWhatIsThere() {
		BuildLog logs = new BuildLog(jdbc);
		long id = job();
		logs.open(id).append("attempt 1\n");
		logs.open(id).append("attempt 2\n");

		assertThat(logs.readAll(id)).isEqualTo("attempt 1\nattempt 2\n");
		assertThat(logs.readAll(job() + 1000)).isEmpty();
	}

	@Test
	void aCopyOfARunningJobsLogStreamsUntilTheJobEnds() throws Exception {
		BuildLog logs = new BuildLog(jdbc);
		long id = job();
		LogSink sink = logs.open(id);
		sink.append("Step 1/2\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AtomicInteger asked = new AtomicInteger();

		// still building with nothing new at first; then the last line arrives before
		// the job ends
		logs.copyTo(id, 0, out, () -> switch (asked.incrementAndGet()) {
			case 1, 2 -> true;
			case 3 -> {
				sink.append("Step 2/2\n");
				yield false;
			}
			default -> false;
		});

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Step 1/2\nStep 2/2\n");
		assertThat(asked).hasValue(4);
	}

	@Test
	void aCopyFromAnOffsetWithoutFollowingReturnsWhatIsThere() throws Exception {
		BuildLog logs = new BuildLog(jdbc);
		long id = job();
		logs.open(id).append("headtail\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		logs.copyTo(id, 4, out, () -> false);

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("tail\n");
	}

}
