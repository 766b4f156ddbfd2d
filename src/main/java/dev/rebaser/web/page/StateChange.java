package dev.rebaser.web.page;

import dev.rebaser.build.queue.BuildBoard;
import dev.rebaser.build.queue.BuildJobEvent;
import dev.rebaser.build.queue.BuildState;

/**
 * One line of a job's state history as the pages print it; from is empty for the job's
 * first state.
 */
public record StateChange(String at, String from, String to, String actor, String note) {

	public static StateChange of(BuildJobEvent event) {
		return new StateChange(TimeText.at(event.getAt()), name(event.getFromState()), name(event.getToState()),
				event.getActor(), event.getNote());
	}

	public static StateChange of(BuildBoard.Event event) {
		return new StateChange(TimeText.at(event.at()), name(event.from()), name(event.to()), event.actor(),
				event.note());
	}

	private static String name(BuildState state) {
		return state == null ? "" : state.name();
	}

}
