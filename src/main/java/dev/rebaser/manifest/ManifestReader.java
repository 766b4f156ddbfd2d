package dev.rebaser.manifest;

import dev.rebaser.budget.CpuBudget;
import java.util.List;

/**
 * Reads Kubernetes' {@code test/utils/image/manifest.go}, in any shape it has had since
 * 1.10, without running Go, and lists the images it declares.
 */
public final class ManifestReader {

	private ManifestReader() {
	}

	/** Never throws: whatever cannot be read is reported as a warning. */
	public static Manifest read(String goSource) {
		return read(goSource, RegistryOverrides.none());
	}

	/**
	 * Applies a KUBE_TEST_REPO_LIST override the way the Go code of that release would.
	 */
	public static Manifest read(String goSource, RegistryOverrides overrides) {
		try {
			return ManifestEvaluator.evaluate(goSource == null ? "" : goSource,
					overrides == null ? RegistryOverrides.none() : overrides);
		}
		catch (CpuBudget.Exceeded e) {
			throw e;
		}
		catch (RuntimeException | StackOverflowError e) {
			// A bug in this reader must not take the caller down; say so instead.
			return new Manifest(List.of(), List.of(new ManifestWarning(0,
					"manifest.go could not be read: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
		}
	}

}
