/**
 * Implementation details shared by every package of sdk-core (Kubernetes name rules, CIDR parsing,
 * variable value normalisation); not part of the API.
 *
 * <p>Any package below {@code io.clusterstacks.core} may use this one; no package uses a sibling's
 * {@code internal}.
 */
@NullMarked
package io.clusterstacks.core.internal;

import org.jspecify.annotations.NullMarked;
