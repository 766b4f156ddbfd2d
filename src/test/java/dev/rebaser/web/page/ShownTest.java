package dev.rebaser.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShownTest {

	private static List<Integer> numbers(int n) {
		return IntStream.range(0, n).boxed().toList();
	}

	@Test
	void aListUpToTheLimitIsShownWhole() {
		assertThat(Shown.first(numbers(Shown.MAX_ROWS))).isEqualTo(new Shown<>(numbers(Shown.MAX_ROWS), 0));
		assertThat(Shown.first(List.of())).isEqualTo(new Shown<>(List.of(), 0));
	}

	@Test
	void aLongerListIsCutAtTheLimitAndCountsTheRest() {
		Shown<Integer> shown = Shown.first(numbers(Shown.MAX_ROWS + 501));

		assertThat(shown.rows()).isEqualTo(numbers(Shown.MAX_ROWS));
		assertThat(shown.notShown()).isEqualTo(501);
	}

}
