/**
 * JMH benchmarks of the planner through the public API: a whole plan on the reference cloud, as the
 * flavor count grows, and as the replica count grows.
 */
package io.clusterstacks.benchmarks.plan;
