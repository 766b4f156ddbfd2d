package dev.rebaser.catalog;

import java.util.function.UnaryOperator;

/**
 * Which entries of a tree archive an import keeps, and under which path. A release
 * tarball wraps the tree in one folder ({@code kubernetes-1.30.0/}); that folder is
 * recognised by what lies under it and stripped, and entries under any other top-level
 * folder are then ignored.
 */
final class TreeSelection implements UnaryOperator<String> {

	private String wrapper; // null until known; "" for an archive of the tree itself

	@Override
	public String apply(String path) {
		if (wrapper == null) {
			if (wanted(path)) {
				wrapper = "";
			}
			else {
				int slash = path.indexOf('/');
				if (slash > 0 && wanted(path.substring(slash + 1))) {
					wrapper = path.substring(0, slash + 1);
				}
			}
			if (wrapper == null) {
				return null;
			}
		}
		if (!path.startsWith(wrapper)) {
			return null;
		}
		String inTree = path.substring(wrapper.length());
		return wanted(inTree) ? inTree : null;
	}

	/**
	 * manifest.go, the image folders, and a Rebaser tree's own catalog.yaml with the
	 * folders of its external images (by convention under {@code external/}); nothing
	 * else of a release is read.
	 */
	static boolean wanted(String path) {
		return path.equals(SourceTree.MANIFEST) || path.startsWith(SourceTree.IMAGES + "/")
				|| path.equals(SourceTree.CATALOG) || path.startsWith(SourceTree.EXTERNAL + "/");
	}

}
