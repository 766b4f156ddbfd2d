/**
 * Rewrites Alpine-based Dockerfiles for a Debian or Fedora target, rules as data.
 *
 * <p>
 * {@link dev.rebaser.rewrite.Rewriter} parses the input, decides per stage whether it
 * runs on the target ({@code StagePlanner}), and turns what each instruction does on
 * Alpine into what does the same on the target: apk commands ({@code ApkTranslator}),
 * BusyBox user commands, pip under PEP 668, command words and paths, BusyBox applets used
 * without a package ({@code StageProvisions}, a RUN right after the FROM), Kubernetes'
 * dialect and heredocs for the classic builder. Every edit is a replacement of a span of
 * the input, so the output is the input outside those spans, and every edit is reported
 * as a {@link dev.rebaser.rewrite.Change}.
 */
package dev.rebaser.rewrite;
