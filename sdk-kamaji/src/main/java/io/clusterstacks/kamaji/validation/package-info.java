/**
 * Kamaji's CEL rules ({@code x-kubernetes-validations} of KamajiControlPlane(Template), TenantControlPlane
 * and DataStore) re-implemented as a {@link io.clusterstacks.core.validation.ValidationBundle}, which
 * sdk-core's strict validator finds through {@link java.util.ServiceLoader} whenever sdk-kamaji is on the
 * class path ({@link io.clusterstacks.kamaji.validation.KamajiValidation}).
 */
@NullMarked
package io.clusterstacks.kamaji.validation;

import org.jspecify.annotations.NullMarked;
