package dev.rebaser.rewrite;

/**
 * An apk package argument split into name, version constraint and repository tag:
 * {@code name[@tag][(=|~|>|<|>=|<=|~=)version]}.
 */
record PackageSpec(String name, String constraint, String tag) {

	static PackageSpec parse(String arg) {
		int end = arg.length();
		int op = -1;
		for (int i = 0; i < arg.length(); i++) {
			char c = arg.charAt(i);
			if (c == '=' || c == '~' || c == '>' || c == '<') {
				op = i;
				break;
			}
		}
		String constraint = null;
		String head = arg;
		if (op > 0) {
			constraint = arg.substring(op);
			head = arg.substring(0, op);
			end = op;
		}
		String tag = null;
		int at = head.indexOf('@');
		if (at > 0 && at < end) {
			tag = head.substring(at + 1);
			head = head.substring(0, at);
		}
		return new PackageSpec(head, constraint, tag);
	}

	/**
	 * Arguments that are not repository package names: local .apk files, URLs, paths,
	 * expansions.
	 */
	static boolean isPackageName(String arg) {
		return !arg.isEmpty() && !arg.endsWith(".apk") && arg.indexOf('/') < 0 && arg.indexOf('$') < 0;
	}
}
