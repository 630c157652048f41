/**
 * The SDK's shared foundation: the root exception {@link io.clusterstacks.core.ClusterStacksException}
 * and the house style for value types {@link io.clusterstacks.core.SdkStyle}.
 *
 * <p>Feature packages sit below this one: {@code flavor} (SCS flavor names), and as they are built,
 * cloud profiles, stack dialects, manifests, validation, planning and image strategies.
 */
@NullMarked
package io.clusterstacks.core;

import org.jspecify.annotations.NullMarked;
