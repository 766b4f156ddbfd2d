package dev.rebaser.rewriting;

import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The architectures the dashboard builds for: those of the default target's distro
 * release, with mips64le, the reason Rebaser exists, first and the others in the rules'
 * order.
 */
@Component
public class TargetArchitectures {

	public static final String DEFAULT = "mips64le";

	private final List<String> arches;

	public TargetArchitectures(RuleSet rules) {
		String name = rules.defaultTarget().name();
		List<String> found = new ArrayList<>();
		for (Target target : rules.targets()) {
			if (target.name().equals(name) && !found.contains(target.arch())) {
				found.add(target.arch());
			}
		}
		if (found.remove(DEFAULT)) {
			found.add(0, DEFAULT);
		}
		this.arches = List.copyOf(found);
	}

	public List<String> all() {
		return arches;
	}

	public boolean contains(String arch) {
		return arches.contains(arch);
	}

}
