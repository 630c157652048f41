/** Implementation of the management-cluster client; not an API. */
@NullMarked
package io.clusterstacks.kubernetes.internal;

import org.jspecify.annotations.NullMarked;
