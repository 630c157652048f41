/**
 * The management cluster: connect, apply a plan's manifests with server-side apply, delete them along
 * the delete plan, wait until a cluster is usable with progress, and reach the workload cluster.
 */
@NullMarked
package io.clusterstacks.kubernetes;

import org.jspecify.annotations.NullMarked;
