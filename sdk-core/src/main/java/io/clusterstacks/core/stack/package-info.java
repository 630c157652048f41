/**
 * Cluster-stack generations and releases: class-name parsing and formatting, each release's
 * ClusterClass variables with their types, and the catalogue of known releases with their exact
 * Kubernetes patch versions.
 *
 * <p>Start with {@link io.clusterstacks.core.stack.StackDialects} (one dialect per stack generation and
 * release), {@link io.clusterstacks.core.stack.ClusterClassName} and
 * {@link io.clusterstacks.core.stack.ReleaseCatalogue}.
 */
@NullMarked
package io.clusterstacks.core.stack;

import org.jspecify.annotations.NullMarked;
