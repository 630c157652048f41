/**
 * Kamaji-hosted control planes: the API groups and label keys the SDK uses for them.
 *
 * <p>Kamaji runs each tenant's control plane as pods on the management cluster's workers, which are
 * themselves VMs on a few hypervisors, so anti-affinity has two levels: pods over workers and workers
 * over hypervisors. Planning and rendering need only sdk-core on the class path.
 */
@NullMarked
package io.clusterstacks.kamaji;

import org.jspecify.annotations.NullMarked;
