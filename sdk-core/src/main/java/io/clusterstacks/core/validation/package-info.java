/**
 * Offline strict validation of Kubernetes manifests against the upstream CRDs the SDK bundles (CAPI
 * v1.10, CAPO v0.12, CSO, CSPO, Kamaji, ORC): {@link io.clusterstacks.core.validation.CrdValidator}
 * returns a {@link io.clusterstacks.core.validation.ValidationReport} with every
 * {@link io.clusterstacks.core.validation.Violation} at once.
 *
 * <p>The full list of re-implemented CEL and webhook rules, and of those not covered, is in
 * {@code docs/validation-rules.md}.
 */
@NullMarked
package io.clusterstacks.core.validation;

import org.jspecify.annotations.NullMarked;
