package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON array of strings of exec form ({@code ["a", "b"]}). Docker falls back to shell form when the
 * arguments are not exactly such an array, so anything else yields null rather than an error.
 */
record ExecForm(List<String> values, List<Span> tokens) {

    static ExecForm parse(String s) {
        int n = s.length();
        int i = skipJsonSpace(s, 0);
        if (i >= n || s.charAt(i) != '[') {
            return null;
        }
        i = skipJsonSpace(s, i + 1);
        List<String> values = new ArrayList<>();
        List<Span> tokens = new ArrayList<>();
        if (i < n && s.charAt(i) == ']') {
            return skipJsonSpace(s, i + 1) == n ? new ExecForm(values, tokens) : null;
        }
        StringBuilder value = new StringBuilder();
        while (true) {
            if (i >= n || s.charAt(i) != '"') {
                return null;
            }
            int start = i;
            value.setLength(0);
            i = readString(s, i + 1, value);
            if (i < 0) {
                return null;
            }
            values.add(value.toString());
            tokens.add(new Span(start, i));
            i = skipJsonSpace(s, i);
            if (i >= n) {
                return null;
            }
            char c = s.charAt(i);
            if (c == ']') {
                return skipJsonSpace(s, i + 1) == n ? new ExecForm(List.copyOf(values), List.copyOf(tokens)) : null;
            }
            if (c != ',') {
                return null;
            }
            i = skipJsonSpace(s, i + 1);
        }
    }

    /** Reads a JSON string body after its opening quote; returns the offset after the closing quote or -1. */
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
                value.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                return -1;
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case '"', '\\', '/' -> value.append(e);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
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
                    value.append((char) code);
                    i += 4;
                }
                default -> {
                    return -1;
                }
            }
            i += 2;
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
