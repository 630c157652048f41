/**
 * One call from plan to running cluster and back: {@link io.clusterstacks.lifecycle.cluster.ClusterLifecycle}
 * creates (lock, server groups, render, apply, wait, verify placement, restart opt-in, access) and deletes
 * (lock, objects, server groups) a cluster, resumably, one run per cluster at a time, and reports every
 * {@link io.clusterstacks.lifecycle.cluster.Step} with its duration.
 */
@NullMarked
package io.clusterstacks.lifecycle.cluster;

import org.jspecify.annotations.NullMarked;
