package dev.rebaser.context;

import dev.rebaser.rewrite.BaseImageFileResult;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.RewriteReport;
import dev.rebaser.rewrite.RewriteResult;
import dev.rebaser.rewrite.Rewriter;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Rewrites a whole build context: its Dockerfile, its Kubernetes BASEIMAGE file when it
 * has one, and adds REWRITE-REPORT.md, which says what changed and why.
 */
public final class ContextRewrite {

	public static final String DOCKERFILE = "Dockerfile";

	public static final String BASEIMAGE = "BASEIMAGE";

	public static final String REPORT = "REWRITE-REPORT.md";

	private final Rewriter rewriter;

	public ContextRewrite(Rewriter rewriter) {
		this.rewriter = rewriter;
	}

	public record Result(BuildContext context, RewriteResult dockerfile, BaseImageFileResult baseImage) {
	}

	/**
	 * @param check applied to the Dockerfile's result before the report is written, e.g.
	 * the package availability check
	 */
	public Result rewrite(BuildContext context, RewriteOptions options, UnaryOperator<RewriteResult> check) {
		String dockerfile = context.text(DOCKERFILE)
			.orElseThrow(() -> new BadContextException("the context has no Dockerfile at its root", null));
		BaseImageFileResult baseImage = context.text(BASEIMAGE)
			.map(text -> rewriter.rewriteBaseImageFile(text, options))
			.orElse(null);
		RewriteResult result = check.apply(rewriter.rewrite(dockerfile, options, baseImage));
		BuildContext rewritten = new BuildContext();
		context.files().forEach(rewritten::put);
		replace(rewritten, DOCKERFILE, result.dockerfile());
		if (baseImage != null) {
			replace(rewritten, BASEIMAGE, baseImage.text());
		}
		rewritten.putText(REPORT, RewriteReport.markdown(DOCKERFILE, result, baseImage));
		return new Result(rewritten, result, baseImage);
	}

	/** New content, same file mode. */
	private static void replace(BuildContext context, String path, String text) {
		int mode = context.get(path).map(ContextFile::mode).orElse(0644);
		context.put(ContextFile.file(path, mode, text.getBytes(StandardCharsets.UTF_8)));
	}

}
