package dev.rebaser.rewrite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a stage has installed so far, so that {@code apk del} of a virtual group purges
 * exactly what the group brought and applets are only added when nothing installs their
 * package. A stage built FROM another stage starts from a copy of its parent's state.
 */
final class StageState {

	/** Whether this stage's commands run on the target distro and so get translated. */
	final boolean translated;

	/**
	 * Target packages installed outside any virtual group (plus those the base needs).
	 */
	final Set<String> explicit;

	final Map<String, List<String>> groups;

	/**
	 * Applets the stage runs before it installs them, with the first input line that uses
	 * each.
	 */
	final Map<String, Integer> appletsUsed = new LinkedHashMap<>();

	/**
	 * Names of programs the stage copied in or wrote so far ({@link OwnPrograms}); a
	 * command of one of these names is the stage's own, not an applet.
	 */
	final Set<String> ownPrograms = new HashSet<>();

	/**
	 * The stage built software from source and installed it so far, under names the
	 * rewrite cannot see.
	 */
	boolean buildsFromSource;

	/** Target packages any install of the stage names, groups included. */
	final Set<String> everInstalled;

	StageState(boolean translated) {
		this(translated, new LinkedHashSet<>(), new HashMap<>(), new LinkedHashSet<>());
	}

	private StageState(boolean translated, Set<String> explicit, Map<String, List<String>> groups, Set<String> ever) {
		this.translated = translated;
		this.explicit = explicit;
		this.groups = groups;
		this.everInstalled = ever;
	}

	StageState child() {
		Map<String, List<String>> copied = new HashMap<>();
		groups.forEach((k, v) -> copied.put(k, new ArrayList<>(v)));
		return new StageState(translated, new LinkedHashSet<>(explicit), copied, new LinkedHashSet<>(everInstalled));
	}

	/**
	 * The stage runs {@code applet} at {@code line}, which on the target needs
	 * {@code packages}: needed from the stage's start unless an install before that line
	 * gave them, even when a later one does.
	 */
	void useApplet(String applet, int line, List<String> packages) {
		if (!everInstalled.containsAll(packages)) {
			appletsUsed.putIfAbsent(applet, line);
		}
	}

}
