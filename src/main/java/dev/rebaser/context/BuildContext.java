package dev.rebaser.context;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Docker build context held in memory: the files of one image's folder, by path.
 */
public final class BuildContext {

	private final TreeMap<String, ContextFile> files = new TreeMap<>();

	public BuildContext put(ContextFile file) {
		files.put(file.path(), file);
		return this;
	}

	public BuildContext putText(String path, String text) {
		return put(ContextFile.file(path, 0644, text.getBytes(StandardCharsets.UTF_8)));
	}

	public Optional<ContextFile> get(String path) {
		return Optional.ofNullable(files.get(path));
	}

	/** Whether any entry lies beneath the folder at that path. */
	public boolean hasEntriesBeneath(String path) {
		String prefix = path + "/";
		String next = files.ceilingKey(prefix);
		return next != null && next.startsWith(prefix);
	}

	/** The text of a regular file at that path, if there is one. */
	public Optional<String> text(String path) {
		return get(path).filter(f -> f.kind() == ContextFile.Kind.FILE)
			.map(f -> new String(f.content(), StandardCharsets.UTF_8));
	}

	public Collection<ContextFile> files() {
		return Collections.unmodifiableCollection(files.values());
	}

	public int size() {
		return files.size();
	}

}
