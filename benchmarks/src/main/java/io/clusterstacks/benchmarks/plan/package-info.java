/** JMH benchmarks of the planner: against its brute-force oracle, and as the flavor count grows. */
package io.clusterstacks.benchmarks.plan;
