package dev.rebaser.build.queue;

/** Where a running build writes its log, piece by piece as the daemon sends it. */
@FunctionalInterface
public interface LogSink {

	void append(String text);

}
