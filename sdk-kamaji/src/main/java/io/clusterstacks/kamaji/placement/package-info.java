/**
 * Two-level placement of Kamaji tenant control planes: API-server pods over management workers, and
 * workers over the hypervisors they run on.
 *
 * <p>{@link io.clusterstacks.kamaji.placement.TwoLevelPlanner#plan} takes a tenant and the workers with
 * their hypervisors and returns the pod rules that make the Kubernetes scheduler agree, the Deployment
 * strategy that lets a rollout finish under those rules, a disruption budget, and what each hypervisor
 * or worker failure would cost. {@link io.clusterstacks.kamaji.placement.TwoLevelPlanner#analyse} says
 * the same for rules given by hand. Everything here is pure: no network, no clock.
 *
 * <p>"Worst case" means the worst placement the required rules still allow (the scheduler's preferences
 * are scores that other scores can outweigh); "expected" means the placement the scheduler aims for when
 * its preferences win: replicas spread evenly over hypervisors, then over workers.
 */
@NullMarked
package io.clusterstacks.kamaji.placement;

import org.jspecify.annotations.NullMarked;
