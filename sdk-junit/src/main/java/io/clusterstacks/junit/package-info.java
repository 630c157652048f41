/**
 * Daily E2E runs as JUnit 5 tests: {@link io.clusterstacks.junit.ClusterE2E}, registered on a test class, creates
 * the cluster of a plan before the class's tests, hands them the workload cluster, records every step's and test's
 * timing, and deletes the cluster afterwards even when a test failed, unless it is kept for debugging.
 */
package io.clusterstacks.junit;
