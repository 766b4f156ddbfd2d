/**
 * Rebuilds the Go programs of Kubernetes' e2e test images for another architecture
 * without running their Makefiles.
 *
 * <p>
 * {@link dev.rebaser.gobuild.ImageMakefile} reads an image folder's Makefile and says
 * which binaries {@code image-util.sh bin $(SRCS)} would build, or why the Makefile does
 * not follow that convention; {@link dev.rebaser.gobuild.GoVersion} finds the Go release
 * the Kubernetes tree builds with; {@link dev.rebaser.gobuild.GoTarget},
 * {@link dev.rebaser.gobuild.GoBuildCommand} and
 * {@link dev.rebaser.gobuild.BinaryCacheKey} turn one binary and one architecture into
 * the environment, the argument list and the cache key of its {@code go build}. Plain
 * Java: nothing here runs a process, reads a file or talks to a daemon.
 */
package dev.rebaser.gobuild;
