/**
 * The catalog: which images a Kubernetes release needs, where each one's build context
 * is, and in which order they must be built.
 *
 * <p>
 * {@link dev.rebaser.catalog.CatalogImporter} reads a tree laid out like Kubernetes (a
 * checkout, an uploaded {@code .tar.gz}, or a release tarball streamed from a URL and cut
 * down to {@code test/utils/image/manifest.go} and {@code test/images/**} as it arrives).
 * Every image manifest.go lists becomes a {@link dev.rebaser.catalog.CatalogImage}; its
 * build context is the folder of {@code test/images} named like it ({@code volume/nfs} →
 * {@code test/images/volume/nfs}), or the folder whose {@code ALIAS} file names it, as
 * Kubernetes' image-util.sh tags them. Images made elsewhere (busybox, pause, etcd,
 * official images) stay in the catalog without a context unless a catalog YAML describes
 * where their source is; the YAML can also add images manifest.go does not list. In a
 * tree, that YAML is {@code catalog.yaml} at the root, and its folders live under
 * {@code external/} so that archive imports keep them.
 *
 * <p>
 * {@link dev.rebaser.catalog.DependencyGraph} links images through the base of every
 * Dockerfile stage (resolved for the target with the build arguments Kubernetes passes)
 * and through every BASEIMAGE line that names another catalog image. A base that is a
 * folder of test/images but not listed by manifest.go brings that folder in
 * ({@link dev.rebaser.catalog.CatalogImage.Origin#TREE}). Nothing is dropped silently:
 * what could not be read or resolved is a {@link dev.rebaser.catalog.CatalogProblem}, and
 * an image that cannot be built says why.
 *
 * <p>
 * {@link dev.rebaser.catalog.ExampleTree} is the tree Rebaser ships, imported on first
 * start.
 */
package dev.rebaser.catalog;
