package dev.rebaser.rewriting;

import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.RewriteResult;
import dev.rebaser.rewrite.Rewriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * A submitted Dockerfile or build context, rewritten and with its packages checked
 * against the target's suite: what the REST API and the rewrite page both answer with.
 */
@Component
public class Rewrites {

	private final Rewriter rewriter;

	private final ContextRewrite contextRewrite;

	private final PackageCheck packageCheck;

	public Rewrites(Rewriter rewriter, ContextRewrite contextRewrite, PackageCheck packageCheck) {
		this.rewriter = rewriter;
		this.contextRewrite = contextRewrite;
		this.packageCheck = packageCheck;
	}

	/** A rewritten context as a .tar.gz, with the Dockerfile's result it reports on. */
	public record RewrittenContext(RewriteResult dockerfile, RewrittenContexts.Archive archive) {
	}

	public RewriteResult dockerfile(String dockerfile, RewriteOptions options) {
		return packageCheck.apply(rewriter.rewrite(dockerfile, options), options);
	}

	public RewrittenContext context(BuildContext context, RewriteOptions options) {
		ContextRewrite.Result result = contextRewrite.rewrite(context, options,
				rewritten -> packageCheck.apply(rewritten, options));
		ByteArrayOutputStream archive = new ByteArrayOutputStream();
		try {
			ContextArchive.write(result.context(), archive);
		}
		catch (IOException ex) {
			// a write to memory fails only on a bug
			throw new UncheckedIOException(ex);
		}
		return new RewrittenContext(result.dockerfile(),
				new RewrittenContexts.Archive("context-" + options.target().arch() + ".tar.gz", archive.toByteArray()));
	}

}
