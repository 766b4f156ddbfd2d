package dev.rebaser.build.docker;

import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the items of a classic-builder stream: the {@code stream} text is the build log,
 * an {@code error} or {@code errorDetail} item is the failure, and the {@code aux} item
 * carries the id of the image built. The id is taken from {@code aux} rather than from
 * the "Successfully built" line, which is only text and gives a shortened id.
 */
public final class BuildStream {

	private final StringBuilder log = new StringBuilder();

	private final Consumer<String> listener;

	private String imageId;

	private String error;

	public BuildStream() {
		this(text -> {
		});
	}

	/**
	 * The listener gets each piece of log text as soon as it arrives, for logs read while
	 * the build runs.
	 */
	public BuildStream(Consumer<String> listener) {
		this.listener = listener;
	}

	public synchronized void accept(BuildResponseItem item) {
		if (item.getStream() != null) {
			append(item.getStream());
		}
		else if (item.getStatus() != null) {
			append(item.getStatus() + '\n');
		}
		String failure = failureOf(item);
		if (failure != null) {
			if (error == null) {
				error = failure;
			}
			append(failure + '\n');
		}
		String id = imageIdOf(item);
		if (id != null) {
			imageId = id;
		}
	}

	/**
	 * A failure the transport saw (the daemon went away, a timeout) rather than one the
	 * daemon reported.
	 */
	public synchronized void broken(Throwable cause) {
		String failure = "the build stream broke: " + cause;
		if (error == null) {
			error = failure;
		}
		append(failure + '\n');
	}

	private void append(String text) {
		log.append(text);
		listener.accept(text);
	}

	public synchronized String log() {
		return log.toString();
	}

	public synchronized Optional<String> imageId() {
		return Optional.ofNullable(imageId);
	}

	public synchronized Optional<String> error() {
		return Optional.ofNullable(error);
	}

	private static String failureOf(ResponseItem item) {
		if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
			return item.getErrorDetail().getMessage();
		}
		return item.getError();
	}

	/**
	 * docker-java's {@code AuxDetail} has no field for {@code ID}; its deserializer keeps
	 * every item's JSON as raw values, where the id is found.
	 */
	private static String imageIdOf(ResponseItem item) {
		Map<String, Object> raw = item.getRawValues();
		if (raw != null && raw.get("aux") instanceof Map<?, ?> aux && aux.get("ID") instanceof String id) {
			return id;
		}
		if (item.getAux() != null && item.getAux().getRawValues() != null
				&& item.getAux().getRawValues().get("ID") instanceof String id) {
			return id;
		}
		return null;
	}

}
