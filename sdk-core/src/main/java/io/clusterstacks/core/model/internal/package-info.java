/** Implementation details of the cluster model: name rules and cross-field checks; not part of the API. */
@NullMarked
package io.clusterstacks.core.model.internal;

import org.jspecify.annotations.NullMarked;
