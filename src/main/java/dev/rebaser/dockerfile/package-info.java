/**
 * Dockerfiles as a lossless syntax tree. {@link dev.rebaser.dockerfile.DockerfileParser}
 * reads a file the way Docker's BuildKit frontend does (directives, continuations,
 * heredocs, exec form, ONBUILD, stages and ARG scoping) while keeping every char, so a
 * tree that is not changed prints back byte for byte and a rewrite touches only the nodes
 * it replaces. Plain Java, no dependencies.
 */
package dev.rebaser.dockerfile;
