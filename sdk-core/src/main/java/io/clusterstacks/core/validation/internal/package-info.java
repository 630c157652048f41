/**
 * Implementation of the strict validator: the bundled CRD catalogue, the structural-schema walker and
 * the named rules. Not API.
 */
@NullMarked
package io.clusterstacks.core.validation.internal;

import org.jspecify.annotations.NullMarked;
