package dev.rebaser.dockerfile;

/**
 * A heredoc marker as BuildKit recognises it: a whole shell word of the form
 * {@code [fd]<<[-]name} where the name contains no {@code <}. The name loses its quotes
 * and escapes; quotes make the heredoc "quoted".
 */
record HeredocMarker(String name, boolean stripTabs, boolean quoted, int fd) {

	static HeredocMarker parse(String s, int start, int end) {
		int p = start;
		while (p < end && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
			p++;
		}
		int digitsEnd = p;
		if (p + 1 >= end || s.charAt(p) != '<' || s.charAt(p + 1) != '<') {
			return null;
		}
		p += 2;
		boolean stripTabs = p < end && s.charAt(p) == '-';
		if (stripTabs) {
			p++;
		}
		if (p >= end) {
			return null;
		}
		for (int i = p; i < end; i++) {
			if (s.charAt(i) == '<') {
				return null;
			}
		}
		StringBuilder name = new StringBuilder(end - p);
		boolean quoted = false;
		char quote = 0;
		for (int i = p; i < end; i++) {
			char c = s.charAt(i);
			if (quote == 0) {
				if (c == '\'' || c == '"') {
					quote = c;
					quoted = true;
					continue;
				}
				if (c == '\\' && i + 1 < end) {
					i++;
					c = s.charAt(i);
				}
			}
			else if (c == quote) {
				quote = 0;
				continue;
			}
			else if (c == '\\' && quote == '"' && i + 1 < end) {
				char next = s.charAt(i + 1);
				if (next == '"' || next == '\\' || next == '$' || next == '`') {
					i++;
					c = next;
				}
			}
			name.append(c);
		}
		int fd = -1;
		if (digitsEnd > start) {
			try {
				fd = Integer.parseInt(s.substring(start, digitsEnd));
			}
			catch (NumberFormatException tooLarge) {
				fd = -1;
			}
		}
		return new HeredocMarker(name.toString(), stripTabs, quoted, fd);
	}
}
