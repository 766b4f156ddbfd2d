package dev.rebaser.build.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a {@code docker save} archive into a daemon, as {@code docker load} does, and
 * returns only when the daemon has taken in every image of it.
 *
 * <p>
 * The daemon sends its answer's headers as soon as the first image of an archive is in,
 * and docker-java's load command returns right then, closing the answer unread: the other
 * images may still be loading, and an error reported in the answer goes unseen. Here the
 * answer is read to its end, and an error in it is thrown.
 */
public final class ImageLoad {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final DockerHttpClient http;

	public ImageLoad(DockerClient docker) {
		if (!(docker instanceof DockerClientImpl client)) {
			throw new IllegalArgumentException("loading images needs a client made by DockerClients.connect");
		}
		this.http = client.getHttpClient();
	}

	/**
	 * Sends the archive and waits for the daemon to finish with it.
	 * @return the references (or ids) the daemon reports as loaded, in its order
	 */
	public List<String> load(InputStream archive) {
		DockerHttpClient.Request request = DockerHttpClient.Request.builder()
			.method(DockerHttpClient.Request.Method.POST)
			.path("/images/load?quiet=1")
			.putHeader("Content-Type", "application/x-tar")
			.body(archive)
			.build();
		try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
			if (response.getStatusCode() != 200) {
				throw new IllegalStateException("the Docker daemon refused the image archive (HTTP "
						+ response.getStatusCode() + "): " + message(JSON.readTree(body)));
			}
			return loaded(body);
		}
		catch (IOException | UncheckedIOException e) {
			throw new DockerUnavailableException("the Docker daemon broke off loading an image archive: " + e, e);
		}
	}

	private static List<String> loaded(InputStream body) throws IOException {
		List<String> loaded = new ArrayList<>();
		try (MappingIterator<JsonNode> messages = JSON.readerFor(JsonNode.class).readValues(body)) {
			while (messages.hasNextValue()) {
				JsonNode message = messages.nextValue();
				if (message.has("error") || message.has("errorDetail")) {
					throw new IllegalStateException("the Docker daemon could not load the image archive: "
							+ message.path("errorDetail").path("message").asText(message.path("error").asText()));
				}
				String line = message.path("stream").asText("").strip();
				for (String prefix : List.of("Loaded image: ", "Loaded image ID: ")) {
					if (line.startsWith(prefix)) {
						loaded.add(line.substring(prefix.length()));
					}
				}
			}
		}
		return loaded;
	}

	private static String message(JsonNode answer) {
		return answer == null ? "(no message)" : answer.path("message").asText(answer.toString());
	}

}
