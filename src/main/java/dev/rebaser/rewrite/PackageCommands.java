package dev.rebaser.rewrite;

import dev.rebaser.rules.PackageManager;
import java.util.List;

/** How the target's package manager spells what apk did. */
sealed interface PackageCommands permits AptCommands, DnfCommands {

	static PackageCommands of(PackageManager manager) {
		return manager == PackageManager.DNF ? new DnfCommands() : new AptCommands();
	}

	/**
	 * Whether the index must be fetched in the same RUN before installing (apt), or is
	 * fetched on demand (dnf).
	 */
	boolean needsUpdate();

	String update();

	String install(List<String> names);

	String remove(List<String> names);

	String upgrade();

	/** Removes what the package manager downloaded, so the layer stays small. */
	String cleanup();

	/**
	 * The file-system glob that {@code cleanup()} removes, to stand for
	 * {@code /var/cache/apk/*} in an rm.
	 */
	String cacheGlob();

	String listInstalled();

	String describe(List<String> names);

	String listIfInstalled(List<String> names);

	/**
	 * The installer's words, so a rewrite can see packages that an already rewritten file
	 * installs.
	 */
	boolean isInstall(List<String> argv);

}
