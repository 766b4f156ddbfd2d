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

	static String of(Expr e) {
		if (e instanceof StrLit s) {
			return '"' + s.value() + '"';
		}
		if (e instanceof Ident i) {
			return i.name();
		}
		if (e instanceof Selector s) {
			return GoExprText.of(s.x()) + "." + s.sel();
		}
		if (e instanceof Binary b) {
			return GoExprText.of(b.left()) + " " + b.op() + " " + GoExprText.of(b.right());
		}
		if (e instanceof Call c) {
			return GoExprText.of(c.fun()) + "(…)";
		}
		if (e instanceof Composite c) {
			return (c.type() == null ? "" : c.type().text()) + "{…}";
		}
		if (e instanceof Index i) {
			return GoExprText.of(i.x()) + "[" + GoExprText.of(i.index()) + "]";
		}
		if (e instanceof Unary u) {
			return u.op() + GoExprText.of(u.x());
		}
		return ((Opaque) e).what();
	}

}
