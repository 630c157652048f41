/**
 * The maintenance responder: the provider's suggested watchdog (poll the announcement, drain, re-create the
 * member) as a library call.
 *
 * <p>{@link io.clusterstacks.lifecycle.respond.ResponsePlanner#plan} is pure: from a
 * {@link io.clusterstacks.lifecycle.diagnose.ClusterObservations} snapshot, the
 * {@link io.clusterstacks.lifecycle.respond.ResponseOptions} (lead time, window), the previous
 * {@link io.clusterstacks.lifecycle.respond.ResponseState} and "now" it computes a
 * {@link io.clusterstacks.lifecycle.respond.ResponsePlan}: the announced events (servers announced for the same
 * {@code hostId} and time are one event), per affected server a decision (REPLACE when another hypervisor can
 * take a replacement and etcd keeps its quorum, HOLD otherwise, with the reason in words) and an ordered list of
 * steps, in an order that never takes etcd below its quorum. {@link io.clusterstacks.lifecycle.respond.ResponsePlan#text()}
 * says in words what would be done and why. {@link io.clusterstacks.lifecycle.respond.MaintenanceResponder} carries the
 * steps out on the workload cluster (cordon, drain through the Eviction API) and the management cluster (delete the
 * Machine), watches Nova for the replacement, or only says what it would do (dry run), reporting each step to a
 * {@link io.clusterstacks.lifecycle.respond.ResponseListener}; its
 * {@link io.clusterstacks.lifecycle.respond.ResponseReport#state()} goes to the next pass.
 *
 * <pre>{@code
 * ClusterObservations seen = DiagnosisCollector.of(openStack, management).collect(plan, "default");
 * ResponsePlan p = ResponsePlanner.plan(seen, ResponseOptions.of(Duration.ofHours(2)), previous, Instant.now());
 * ResponseReport r = MaintenanceResponder.of(openStack, management).respond(seen, p, System.out::println);
 * previous = Optional.of(r.state());
 * }</pre>
 */
@NullMarked
package io.clusterstacks.lifecycle.respond;

import org.jspecify.annotations.NullMarked;
