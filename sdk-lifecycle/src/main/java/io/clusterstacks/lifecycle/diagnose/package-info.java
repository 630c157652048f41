/**
 * Diagnostics of a running cluster: what explains a failing daily run in one report.
 *
 * <p>Two halves. {@link io.clusterstacks.lifecycle.diagnose.DiagnosisCollector} reads one immutable snapshot,
 * {@link io.clusterstacks.lifecycle.diagnose.ClusterObservations}, from the real OpenStack (servers, server
 * groups, the API load balancer's status tree, maintenance metadata) and the workload cluster's API server
 * (its Nodes). {@link io.clusterstacks.lifecycle.diagnose.ClusterDiagnosis#analyse(ClusterObservations)} turns a
 * snapshot into a {@link io.clusterstacks.lifecycle.diagnose.DiagnosisReport} of typed
 * {@link io.clusterstacks.lifecycle.diagnose.Finding}s, each with its severity, the object it concerns, the
 * evidence and the fix; pure, so a snapshot built by hand (a test, a recorded incident) gives the same report
 * as the live one.
 *
 * <pre>{@code
 * ClusterObservations seen = DiagnosisCollector.of(openStack, management).collect(plan, "default");
 * DiagnosisReport report = ClusterDiagnosis.analyse(seen);
 * System.out.print(report.text());          // or report.json(), byte-identical for the same snapshot
 * }</pre>
 */
@NullMarked
package io.clusterstacks.lifecycle.diagnose;

import org.jspecify.annotations.NullMarked;
