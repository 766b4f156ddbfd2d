package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.Binary;
import dev.rebaser.manifest.GoAst.Call;
import dev.rebaser.manifest.GoAst.Composite;
import dev.rebaser.manifest.GoAst.Expr;
import dev.rebaser.manifest.GoAst.Ident;
import dev.rebaser.manifest.GoAst.Index;
import dev.rebaser.manifest.GoAst.Opaque;
import dev.rebaser.manifest.GoAst.Selector;
import dev.rebaser.manifest.GoAst.StrLit;
import dev.rebaser.manifest.GoAst.Unary;

/** Go expressions as they read in a warning: short, with bodies elided. */
final class GoExprText {

	private GoExprText() {
	}

	/** Longer expressions end in an ellipsis. */
	static final int MAX_LENGTH = 120;

	/** Deeper parts of an expression are written as an ellipsis. */
	private static final int MAX_DEPTH = 16;

	static String of(Expr e) {
		StringBuilder text = new StringBuilder();
		write(e, text, 0);
		return text.length() <= MAX_LENGTH ? text.toString() : text.substring(0, MAX_LENGTH) + "…";
	}

	/**
	 * Every part writes at least one character, so no more of a huge expression is
	 * visited than is written.
	 */
	private static void write(Expr e, StringBuilder text, int depth) {
		if (text.length() > MAX_LENGTH) {
			return;
		}
		if (depth > MAX_DEPTH) {
			text.append('…');
		}
		else if (e instanceof StrLit s) {
			text.append('"').append(s.value(), 0, Math.min(s.value().length(), MAX_LENGTH)).append('"');
		}
		else if (e instanceof Ident i) {
			text.append(i.name());
		}
		else if (e instanceof Selector s) {
			write(s.x(), text, depth + 1);
			text.append('.').append(s.sel());
		}
		else if (e instanceof Binary b) {
			write(b.left(), text, depth + 1);
			text.append(' ').append(b.op()).append(' ');
			write(b.right(), text, depth + 1);
		}
		else if (e instanceof Call c) {
			write(c.fun(), text, depth + 1);
			text.append("(…)");
		}
		else if (e instanceof Composite c) {
			text.append(c.type() == null ? "" : c.type().text()).append("{…}");
		}
		else if (e instanceof Index i) {
			write(i.x(), text, depth + 1);
			text.append('[');
			write(i.index(), text, depth + 1);
			text.append(']');
		}
		else if (e instanceof Unary u) {
			text.append(u.op());
			write(u.x(), text, depth + 1);
		}
		else {
			text.append(((Opaque) e).what());
		}
	}

}
