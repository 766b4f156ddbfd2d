package dev.rebaser.dockerfile;

import java.util.function.Function;

/** Placeholder until the shell analysis lands: expands $v and ${v} only. */
public final class VariableExpander {

    private VariableExpander() {
    }

    public static String expand(String text, Function<String, String> lookup, char escape) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == escape && i + 1 < text.length()) {
                out.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '"' || c == '\'') {
                i++;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new ExpansionException(i, "missing '}'");
                }
                String value = lookup.apply(text.substring(i + 2, close));
                out.append(value == null ? "" : value);
                i = close + 1;
            } else if (c == '$' && i + 1 < text.length() && isNameChar(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && isNameChar(text.charAt(end))) {
                    end++;
                }
                String value = lookup.apply(text.substring(i + 1, end));
                out.append(value == null ? "" : value);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
