package io.clusterstacks.core.property;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.image.ImageStrategyException;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.ManifestRenderer;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.manifest.RenderOptions;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.InfeasiblePlanException;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import io.clusterstacks.core.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Whatever the builders and the planner accept renders manifests the strict validator passes.
 *
 * <p>Random valid-looking requests on random clouds ({@link RandomClouds}, {@link RandomRequests}) and
 * random cluster specs ({@link RandomSpecs}) go the whole way a user's program goes: build the cloud
 * and the request, plan, give the topology plan's server groups their (generated) Nova IDs, add the
 * settings the planner does not decide, render, and validate with {@link CrdValidator#strict()},
 * both the rendered documents and their YAML read back; every rendered document must have been
 * schema-checked, and the credential secret must appear in Secret objects only. Each case has exactly one of these outcomes:
 * <ul>
 *   <li>refused: an {@link InvalidInputException} from a builder, the planner or the renderer;
 *   <li>infeasible: an {@link InfeasiblePlanException} from the planner;
 *   <li>unsupported: an {@link ImageStrategyException} (an image strategy the mode or stack cannot
 *       carry, or an image the cloud does not have), which the planner reports before it plans;
 *   <li>valid: manifests with zero violations.
 * </ul>
 * Anything else fails the test: violations in accepted input, another exception, an untyped one. The
 * outcome counts are asserted so that the test is not vacuous (both accepted and refused cases occur).
 *
 * <p>The seed is {@value #DEFAULT_SEED} unless {@code -Dclusterstacks.property.seed=N} is given; a failure
 * names the seed and the case, and {@code -Dclusterstacks.property.case=K} runs that case alone.
 */
class RenderOrRefusePropertyTest {

  static final long DEFAULT_SEED = 20261202L;
  private static final boolean VERBOSE = Boolean.getBoolean("clusterstacks.property.verbose");
  static final int PLAN_CASES = Integer.getInteger("clusterstacks.property.cases", 2_500);
  static final int SPEC_CASES = PLAN_CASES;

  /** What one case ended in. */
  enum Outcome { REFUSED, INFEASIBLE, UNSUPPORTED, VALID }

  private static long seed() {
    return Long.getLong("clusterstacks.property.seed", DEFAULT_SEED);
  }

  /** The random source of one case, independent of every other case, so that one case can be run alone. */
  private static Random caseRandom(long seed, int family, int i) {
    return new Random(seed * 1_000_003L + family * 100_000_007L + i);
  }

  /** Counts outcomes and collects failures grouped by their kind, with the first case of each. */
  static final class Tally {
    final Map<Outcome, Integer> outcomes = new TreeMap<>();
    final Map<String, Integer> failureCounts = new LinkedHashMap<>();
    final Map<String, String> firstCase = new LinkedHashMap<>();
    final Map<String, Integer> refusedBy = new TreeMap<>();

    /** Counts a refusal under its stage and the path of its first problem (indices and map keys dropped). */
    void refused(String stage, InvalidInputException e) {
      count(Outcome.REFUSED);
      String path = e.problems().isEmpty() ? "?" : e.problems().get(0).path().replaceAll("\\[[^]]*]", "[]");
      if (refusedBy.merge(stage + ": " + path, 1, Integer::sum) == 1 && VERBOSE) {
        System.out.println("refused at " + stage + ": " + shortened(e.getMessage()));
      }
    }

    void other(Outcome o, RuntimeException e) {
      count(o);
      if (VERBOSE && others.add(o + " " + e.getMessage().lines().limit(2).toList().toString().replaceAll("\\d+", "N").replaceAll("SCS-\\S+", "F"))) {
        System.out.println(o + ": " + shortened(e.getMessage()));
      }
    }

    final java.util.Set<String> others = new java.util.HashSet<>();

    void count(Outcome o) {
      outcomes.merge(o, 1, Integer::sum);
    }

    int of(Outcome o) {
      return outcomes.getOrDefault(o, 0);
    }

    void failure(String kind, String caseText) {
      failureCounts.merge(kind, 1, Integer::sum);
      firstCase.putIfAbsent(kind, caseText);
    }

    void assertClean(String family, long seed, int cases) {
      String counts = family + " (seed " + seed + ", " + cases + " cases): " + outcomes + ", refused at " + refusedBy;
      if (!failureCounts.isEmpty()) {
        List<String> lines = new ArrayList<>();
        failureCounts.forEach((k, n) -> lines.add(k + " x" + n + "\n      first: " + firstCase.get(k)));
        fail(failureCounts.size() + " kinds of failure; " + counts + "\n  " + String.join("\n  ", lines)
            + "\n  rerun one case with -Dclusterstacks.property.seed=" + seed + " -Dclusterstacks.property.case=K");
      }
      System.out.println(counts);
    }
  }

  private static String shortened(String s) {
    return s.length() <= 1_500 ? s : s.substring(0, 1_500) + "... (" + s.length() + " chars)";
  }

  /** The first violations of a report, one per line. */
  private static String violations(ValidationReport r) {
    StringBuilder sb = new StringBuilder();
    for (Violation v : r.violations().subList(0, Math.min(3, r.violations().size()))) {
      sb.append("\n        ").append(shortened(v.describe()));
    }
    return sb.toString();
  }

  /** A failure's kind: the exception class and the SDK frame that threw it, or the first violation's rule. */
  private static String kindOf(Throwable t) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("io.clusterstacks.core.") && !e.getClassName().contains(".property.")) {
        return t.getClass().getName() + " at " + e.getClassName() + "." + e.getMethodName();
      }
    }
    return t.getClass().getName();
  }

  /**
   * Validates rendered manifests as documents and as YAML read back, checks that every document had a
   * schema or built-in rules, and that the credential secret is in Secret objects only; records a
   * failure per kind.
   */
  static boolean validate(Manifests m, Optional<CloudCredentials> credentials, Tally tally, String where) {
    CrdValidator v = CrdValidator.strict();
    ValidationReport docs = v.validate(m);
    ValidationReport yaml = v.validateYaml(m.toYaml());
    if (!docs.isFullyChecked()) {
      tally.failure("a rendered document was not schema-checked", where + "\n        " + docs.summary());
      return false;
    }
    Optional<String> secret = credentials.map(c -> c.auth() instanceof CloudAuth.ApplicationCredential a ? a.secret()
        : ((CloudAuth.Password) c.auth()).password());
    for (ManifestDocument d : m.documents()) {
      if (secret.isPresent() && !d.kind().equals("Secret") && d.toYaml().contains(secret.get())) {
        tally.failure("the credential secret in a " + d.kind(), where);
        return false;
      }
    }
    for (ValidationReport r : List.of(docs, yaml)) {
      if (!r.violations().isEmpty()) {
        Violation first = r.violations().get(0);
        String kind = (r == docs ? "violations in accepted input: " : "violations in the YAML read back: ")
            + first.kind() + " " + first.rule();
        tally.failure(kind, where + violations(r));
        return false;
      }
    }
    return true;
  }

  /** Runs one request case: cloud, request, plan, IDs, extras, render, validate. */
  static void planCase(Random rnd, Tally tally, String id) {
    CloudProfile cloud = null;
    ClusterRequest request = null;
    String stage = "cloud";
    try {
      cloud = RandomClouds.cloud(rnd);
      stage = "request";
      request = RandomRequests.request(rnd, cloud);
      stage = "planner";
      ClusterPlan plan = Planner.plan(request, cloud);
      if (!plan.serverGroupIdsNeeded().isEmpty()) {
        Map<String, String> ids = new LinkedHashMap<>();
        plan.serverGroupIdsNeeded().forEach(g -> ids.put(g.name(), Ids.uuid(rnd)));
        stage = "server-group IDs";
        plan = plan.withServerGroupIds(ids);
      }
      stage = "cluster spec";
      Manifests m = plan.manifests(RandomRequests.extras(rnd, request.dialect(), plan.mode() == io.clusterstacks.core.model.OutputMode.TOPOLOGY));
      String where = id + "\n      request: " + shortened(request.toString()) + "\n      cloud: " + shortened(cloud.toString());
      if (validate(m, request.credentials(), tally, where)) {
        tally.count(Outcome.VALID);
      }
    } catch (InfeasiblePlanException e) {
      tally.other(Outcome.INFEASIBLE, e);
    } catch (InvalidInputException e) {
      tally.refused(stage, e);
    } catch (ImageStrategyException e) {
      tally.other(Outcome.UNSUPPORTED, e);
    } catch (RuntimeException e) {
      tally.failure((e instanceof ClusterStacksException ? "unexpected typed " : "untyped ") + kindOf(e) + " (" + stage
          + ")", id + ": " + shortened(String.valueOf(e.getMessage())) + "\n      request: "
          + (request == null ? "-" : shortened(request.toString())) + "\n      cloud: "
          + (cloud == null ? "-" : shortened(cloud.toString())));
    }
  }

  /** Runs one spec case: build the spec, render, validate. */
  static void specCase(Random rnd, Tally tally, String id) {
    ClusterSpec spec = null;
    String stage = "spec";
    try {
      spec = RandomSpecs.spec(rnd);
      stage = "renderer";
      Manifests m = ManifestRenderer.render(spec, rnd.nextBoolean() ? RenderOptions.gitOps() : RenderOptions.defaults());
      if (validate(m, spec.credentials(), tally, id + "\n      spec: " + shortened(spec.toString()))) {
        tally.count(Outcome.VALID);
      }
    } catch (InvalidInputException e) {
      tally.refused(stage, e);
    } catch (RuntimeException e) {
      tally.failure((e instanceof ClusterStacksException ? "unexpected typed " : "untyped ") + kindOf(e) + " (" + stage
          + ")", id + ": " + shortened(String.valueOf(e.getMessage())) + "\n      spec: "
          + (spec == null ? "-" : shortened(spec.toString())));
    }
  }

  @FunctionalInterface
  interface CaseRunner {
    void run(Random rnd, Tally tally, String id);
  }

  private static Tally runAll(int family, int cases, CaseRunner runner) {
    long seed = seed();
    Tally tally = new Tally();
    Integer only = Integer.getInteger("clusterstacks.property.case");
    for (int i = 0; i < cases; i++) {
      if (only == null || only == i) {
        runner.run(caseRandom(seed, family, i), tally, "seed " + seed + " case " + i);
      }
    }
    return tally;
  }

  @Test
  void everyAcceptedRequestOnARandomCloudRendersValidManifests() {
    Tally t = runAll(1, PLAN_CASES, RenderOrRefusePropertyTest::planCase);
    t.assertClean("requests on random clouds", seed(), PLAN_CASES);
    if (Integer.getInteger("clusterstacks.property.case") == null) {
      // both kinds of outcome occur, so that the property is tested, not assumed
      assertTrue(t.of(Outcome.VALID) >= PLAN_CASES / 4, "valid plans: " + t.outcomes);
      assertTrue(t.of(Outcome.REFUSED) >= PLAN_CASES / 50, "refused requests: " + t.outcomes);
      assertTrue(t.of(Outcome.INFEASIBLE) >= PLAN_CASES / 100, "infeasible plans: " + t.outcomes);
    }
  }

  @Test
  void everyAcceptedClusterSpecRendersValidManifests() {
    Tally t = runAll(2, SPEC_CASES, RenderOrRefusePropertyTest::specCase);
    t.assertClean("cluster specs", seed(), SPEC_CASES);
    if (Integer.getInteger("clusterstacks.property.case") == null) {
      assertTrue(t.of(Outcome.VALID) >= SPEC_CASES / 4, "valid specs: " + t.outcomes);
      assertTrue(t.of(Outcome.REFUSED) >= SPEC_CASES / 50, "refused specs: " + t.outcomes);
    }
  }
}
