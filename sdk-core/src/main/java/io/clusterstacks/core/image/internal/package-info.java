/**
 * Implementation of the image strategies: version arithmetic, shell command and ignition config
 * generation. Not part of the API.
 */
@NullMarked
package io.clusterstacks.core.image.internal;

import org.jspecify.annotations.NullMarked;
