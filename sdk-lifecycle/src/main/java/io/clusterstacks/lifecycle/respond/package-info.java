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
 * says in words what would be done and why; the plan's
 * {@link io.clusterstacks.lifecycle.respond.ResponsePlan#nextState()} goes to the next pass.
 *
 * <pre>{@code
 * ClusterObservations seen = DiagnosisCollector.of(openStack, management).collect(plan, "default");
 * ResponsePlan p = ResponsePlanner.plan(seen, ResponseOptions.of(Duration.ofHours(2)), previous, Instant.now());
 * System.out.print(p.text());
 * previous = Optional.of(p.nextState());
 * }</pre>
 */
@NullMarked
package io.clusterstacks.lifecycle.respond;

import org.jspecify.annotations.NullMarked;
