package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON array of strings of exec form ({@code ["a", "b"]}). Docker falls back to shell
 * form when the arguments are not exactly such an array, so anything else yields null
 * rather than an error.
 */
record ExecForm(List<String> values, List<Span> tokens, boolean stringsOnly) {

	/**
	 * Go's encoding/json refuses to nest deeper than this; deeper input is not JSON for
	 * Docker either.
	 */
	private static final int MAX_DEPTH = 10_000;

	/**
	 * Null when s is not a JSON array; otherwise the array, where stringsOnly=false marks
	 * a valid JSON array with other elements (Docker rejects that instead of falling back
	 * to shell form).
	 */
	static ExecForm parse(String s) {
		int n = s.length();
		int i = skipJsonSpace(s, 0);
		if (i >= n || s.charAt(i) != '[') {
			return null;
		}
		i = skipJsonSpace(s, i + 1);
		List<String> values = new ArrayList<>();
		List<Span> tokens = new ArrayList<>();
		boolean stringsOnly = true;
		if (i < n && s.charAt(i) == ']') {
			return skipJsonSpace(s, i + 1) == n ? new ExecForm(List.of(), List.of(), true) : null;
		}
		StringBuilder value = new StringBuilder();
		while (true) {
			if (i >= n) {
				return null;
			}
			if (s.charAt(i) == '"') {
				int start = i;
				value.setLength(0);
				i = readString(s, i + 1, value);
				if (i < 0) {
					return null;
				}
				values.add(value.toString());
				tokens.add(new Span(start, i));
			}
			else {
				i = skipValue(s, i);
				if (i < 0) {
					return null;
				}
				stringsOnly = false;
			}
			i = skipJsonSpace(s, i);
			if (i >= n) {
				return null;
			}
			char c = s.charAt(i);
			if (c == ']') {
				if (skipJsonSpace(s, i + 1) != n) {
					return null;
				}
				return stringsOnly ? new ExecForm(List.copyOf(values), List.copyOf(tokens), true)
						: new ExecForm(List.of(), List.of(), false);
			}
			if (c != ',') {
				return null;
			}
			i = skipJsonSpace(s, i + 1);
		}
	}

	/**
	 * Skips any JSON value starting at i (no recursion, so deep nesting cannot overflow
	 * the stack); -1 if invalid.
	 */
	private static int skipValue(String s, int i) {
		int n = s.length();
		char[] stack = new char[16];
		int depth = 0;
		while (true) {
			// a value is expected at i
			i = skipJsonSpace(s, i);
			if (i >= n) {
				return -1;
			}
			char c = s.charAt(i);
			boolean opened = false;
			if (c == '[' || c == '{') {
				if (depth == MAX_DEPTH) {
					return -1;
				}
				if (depth == stack.length) {
					stack = java.util.Arrays.copyOf(stack, depth * 2);
				}
				stack[depth++] = c;
				i = skipJsonSpace(s, i + 1);
				if (i < n && s.charAt(i) == (c == '[' ? ']' : '}')) {
					depth--;
					i++;
				}
				else {
					opened = true;
					if (c == '{') {
						i = skipMemberName(s, i);
						if (i < 0) {
							return -1;
						}
					}
				}
			}
			else if (c == '"') {
				i = readString(s, i + 1, null);
			}
			else if (c == '-' || (c >= '0' && c <= '9')) {
				i = skipNumber(s, i);
			}
			else if (s.startsWith("true", i)) {
				i += 4;
			}
			else if (s.startsWith("false", i)) {
				i += 5;
			}
			else if (s.startsWith("null", i)) {
				i += 4;
			}
			else {
				return -1;
			}
			if (i < 0) {
				return -1;
			}
			if (opened) {
				continue;
			}
			// after a complete value: close containers or move to the next element
			boolean next = false;
			while (depth > 0 && !next) {
				i = skipJsonSpace(s, i);
				if (i >= n) {
					return -1;
				}
				char top = stack[depth - 1];
				char d = s.charAt(i);
				if (d == ',') {
					i++;
					if (top == '{') {
						i = skipMemberName(s, skipJsonSpace(s, i));
						if (i < 0) {
							return -1;
						}
					}
					next = true;
				}
				else if (d == (top == '[' ? ']' : '}')) {
					depth--;
					i++;
				}
				else {
					return -1;
				}
			}
			if (!next) {
				return i;
			}
		}
	}

	/** Skips {@code "name" :} of an object member; -1 if it is not there. */
	private static int skipMemberName(String s, int i) {
		if (i >= s.length() || s.charAt(i) != '"') {
			return -1;
		}
		i = readString(s, i + 1, null);
		if (i < 0) {
			return -1;
		}
		i = skipJsonSpace(s, i);
		if (i >= s.length() || s.charAt(i) != ':') {
			return -1;
		}
		return i + 1;
	}

	private static int skipNumber(String s, int i) {
		int n = s.length();
		if (s.charAt(i) == '-') {
			i++;
		}
		if (i >= n || !isDigit(s.charAt(i))) {
			return -1;
		}
		if (s.charAt(i) == '0') {
			i++;
		}
		else {
			while (i < n && isDigit(s.charAt(i))) {
				i++;
			}
		}
		if (i < n && s.charAt(i) == '.') {
			i++;
			if (i >= n || !isDigit(s.charAt(i))) {
				return -1;
			}
			while (i < n && isDigit(s.charAt(i))) {
				i++;
			}
		}
		if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
			i++;
			if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
				i++;
			}
			if (i >= n || !isDigit(s.charAt(i))) {
				return -1;
			}
			while (i < n && isDigit(s.charAt(i))) {
				i++;
			}
		}
		return i;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * Reads a JSON string body after its opening quote into value (null: only validate);
	 * returns the offset after the closing quote or -1.
	 */
	private static int readString(String s, int i, StringBuilder value) {
		int n = s.length();
		while (i < n) {
			char c = s.charAt(i);
			if (c == '"') {
				return i + 1;
			}
			if (c < 0x20) {
				return -1;
			}
			if (c != '\\') {
				if (value != null) {
					value.append(c);
				}
				i++;
				continue;
			}
			if (i + 1 >= n) {
				return -1;
			}
			char decoded;
			int length = 2;
			switch (s.charAt(i + 1)) {
				case '"' -> decoded = '"';
				case '\\' -> decoded = '\\';
				case '/' -> decoded = '/';
				case 'b' -> decoded = '\b';
				case 'f' -> decoded = '\f';
				case 'n' -> decoded = '\n';
				case 'r' -> decoded = '\r';
				case 't' -> decoded = '\t';
				case 'u' -> {
					if (i + 6 > n) {
						return -1;
					}
					int code = 0;
					for (int k = i + 2; k < i + 6; k++) {
						int digit = hexDigit(s.charAt(k));
						if (digit < 0) {
							return -1;
						}
						code = code * 16 + digit;
					}
					decoded = (char) code;
					length = 6;
				}
				default -> {
					return -1;
				}
			}
			if (value != null) {
				value.append(decoded);
			}
			i += length;
		}
		return -1;
	}

	private static int hexDigit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

	private static int skipJsonSpace(String s, int i) {
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				break;
			}
			i++;
		}
		return i;
	}
}
