/**
 * Rendering the cluster model to deterministic multi-document YAML and JSON, and parsing manifests
 * back: leniently into generic documents for anything, strictly into the typed model where the
 * stack dialect is known.
 *
 * <p>Entry points: {@link io.clusterstacks.core.manifest.ManifestRenderer},
 * {@link io.clusterstacks.core.manifest.Manifests} and {@link io.clusterstacks.core.manifest.ManifestParser}.
 */
@NullMarked
package io.clusterstacks.core.manifest;

import org.jspecify.annotations.NullMarked;
