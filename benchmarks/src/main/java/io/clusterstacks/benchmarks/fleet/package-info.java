/**
 * The fleet benchmark of issue 14: a seeded generator of Kamaji fleets (tenant control planes on the
 * workers of one management cluster, the workers on a few hypervisors), lower bounds per instance, an
 * independent placement checker, and the peers the fleet planner is compared with on the same
 * instances in one run: a simulation of the Kubernetes v1.20 scheduler's default profile and Timefold
 * Solver community edition. {@link io.clusterstacks.benchmarks.fleet.FleetBenchmark} is the program.
 */
package io.clusterstacks.benchmarks.fleet;
