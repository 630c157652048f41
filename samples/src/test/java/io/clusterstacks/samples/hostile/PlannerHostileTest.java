package io.clusterstacks.samples.hostile;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile planner requests on the bundled clouds: odd cluster and deployment names, machine counts
 * from 0 to near {@code Integer.MAX_VALUE}, Kubernetes versions and class names with numbers beyond
 * int, credentials whose secret carries newlines and config syntax. A plan's report, placement map
 * and manifests (Secrets aside) must not contain the secret; every refusal is typed.
 */
class PlannerHostileTest {

  static final int INPUTS = 15_000;

  /** One generated request (built inside the run, so that builder errors count too). */
  record Input(String clusterName, String version, String stack, String minor, String release, int controlPlanes,
      List<String> workerNames, List<Integer> workerCounts, String secret, boolean topology, int cloud) {}

  /** Machine counts: small, at quota edges, and (in the open set) huge. */
  static int count(Random rnd) {
    return switch (rnd.nextInt(6)) {
      case 0 -> 0;
      case 1 -> -1 - rnd.nextInt(3);
      case 2 -> 1 + rnd.nextInt(3);
      case 3 -> 3 + rnd.nextInt(20);
      case 4 -> 100 + rnd.nextInt(1000);
      default -> 1 + rnd.nextInt(8);
    };
  }

  static Input input(Random rnd) {
    // Half the requests are plausible (so that plans are made and their output searched for the
    // secret), half have hostile names and versions.
    boolean hostile = rnd.nextBoolean();
    List<String> names = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      names.add(hostile && rnd.nextInt(4) == 0 ? Hostile.text(rnd) : "md-" + i);
      counts.add(hostile ? count(rnd) : rnd.nextInt(6));
    }
    return new Input(hostile && rnd.nextInt(3) == 0 ? Hostile.text(rnd) : "c" + rnd.nextInt(100),
        hostile && rnd.nextInt(3) == 0 ? Hostile.mutate(rnd, "v1.34.7") : "v1.34.7",
        Hostile.pick(rnd, "scs2", "scs2", "scs", "kamaji"),
        hostile && rnd.nextInt(4) == 0 ? Hostile.mutate(rnd, "1.34") : "1.34",
        hostile && rnd.nextInt(4) == 0 ? Hostile.mutate(rnd, "v2") : "v2",
        hostile ? count(rnd) : 1 + 2 * rnd.nextInt(3), names, counts, Hostile.secret(rnd), rnd.nextBoolean(),
        rnd.nextInt(3));
  }

  static String plan(Input in, String secretValue) {
    List<CloudProfile> clouds = CloudProfiles.bundledNames().stream().map(CloudProfiles::bundled).toList();
    ClusterRequest request = ClusterRequest.of(r -> {
      r.clusterName(in.clusterName()).kubernetesVersion(in.version())
          .mode(in.topology() ? OutputMode.TOPOLOGY : OutputMode.RAW_CAPI)
          .className(ClusterClassName.of(in.stack(), in.minor(), in.release()))
          .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(in.controlPlanes())))
          .credentials(CloudCredentials.builder().auth(CloudAuth.applicationCredential(
              "https://keystone.example.com:5000/v3", "app-id", secretValue)).build());
      for (int i = 0; i < in.workerNames().size(); i++) {
        r.addWorkers(WorkerRequest.of(in.workerNames().get(i), in.workerCounts().get(i)));
      }
    });
    ClusterPlan plan = Planner.plan(request, clouds.get(in.cloud() % clouds.size()));
    StringBuilder out = new StringBuilder(plan.report()).append(plan.placementMap().toText())
        .append(plan.placementMap().toSvg()).append(plan.request()).append(plan);
    if (plan.serverGroupIdsNeeded().isEmpty()) {
      Manifests m = plan.manifests();
      out.append(ManifestYamlHostileTest.withoutSecrets(m.documents()));
      m.notices().forEach(out::append);
    }
    return out.toString();
  }

  @Test
  void everyRequestIsPlannedOrRefusedWithATypedErrorAndTheSecretStaysInTheSecret() {
    Random rnd = new Random(10_006L);
    HostileRun<Input> run = new HostileRun<>("planner requests", 10_000,
        in -> plan(in, Hostile.hostileSecret(new Random(in.secret().hashCode()), in.secret())));
    for (int i = 0; i < INPUTS; i++) {
      Input in = input(rnd);
      run.run(in, HostileRun.show(in.toString()), List.of(in.secret()));
    }
    run.assertClean(INPUTS);
  }
}
