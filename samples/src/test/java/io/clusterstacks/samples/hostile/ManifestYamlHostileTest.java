package io.clusterstacks.samples.hostile;

import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.ManifestParser;
import io.clusterstacks.core.manifest.ParsedManifests;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import io.clusterstacks.core.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Hostile YAML for the manifest parser and the strict validator: rendered manifests (with a credential
 * Secret holding a seeded secret) with one scalar replaced by a hostile value, one line damaged, or the
 * document structure broken. Neither may echo the secret, in a message or a violation.
 */
class ManifestYamlHostileTest {

  static final int PER_GENERATOR = 1_500;

  /** A generator: from a random source and the manifest lines, one input. */
  record Generator(String name, BiFunction<Random, List<String>, Case> make) {}

  /** One input: the YAML text and how it differs from rendered manifests, for reports. */
  record Case(String text, String change) {}

  private static Case lineChanged(List<String> lines, int i, String now) {
    List<String> l = new ArrayList<>(lines);
    String before = l.get(i);
    l.set(i, now);
    return new Case(String.join("\n", l) + "\n", "line " + (i + 1) + " " + HostileRun.show(before) + " -> "
        + HostileRun.show(now));
  }

  /** Every generator; those that pass on main are named in PARSER and VALIDATOR below. */
  static final List<Generator> ALL = List.of(
      new Generator("one line damaged", (rnd, lines) -> {
        int i = rnd.nextInt(lines.size());
        return lineChanged(lines, i, Hostile.mutate(rnd, lines.get(i)));
      }),
      new Generator("one scalar replaced", (rnd, lines) -> {
        int i = rnd.nextInt(lines.size());
        String line = lines.get(i);
        int colon = line.indexOf(": ");
        String value = rnd.nextBoolean() ? Hostile.pick(rnd, Hostile.NUMBERS) : Hostile.text(rnd);
        if (value.length() > 1000) {
          value = value.substring(0, 1000);
        }
        return lineChanged(lines, i, colon < 0 ? line : line.substring(0, colon + 2) + value);
      }),
      new Generator("lines dropped or repeated", (rnd, lines) -> {
        List<String> l = new ArrayList<>(lines);
        int i = rnd.nextInt(l.size());
        boolean drop = rnd.nextBoolean();
        if (drop) {
          l.remove(i);
        } else {
          l.add(i, l.get(i));
        }
        return new Case(String.join("\n", l) + "\n", (drop ? "without" : "twice") + " line " + (i + 1) + " "
            + HostileRun.show(lines.get(i)));
      }));

  /** The generators the parser runs: all. */
  static final List<Generator> PARSER = ALL;
  /** The generators the validator runs: all. */
  static final List<Generator> VALIDATOR = ALL;

  /** The secrets seeded into the base manifests' credential Secret. */
  private static final List<String> SECRETS = new ArrayList<>();

  static List<List<String>> bases() {
    Random rnd = new Random(10_003L);
    List<List<String>> out = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      String secret = Hostile.secret(rnd);
      SECRETS.add(secret);
      String value = Hostile.hostileSecret(rnd, secret);
      CloudAuth auth;
      try {
        auth = auth(k, value);
      } catch (io.clusterstacks.core.InvalidInputException refused) {
        // CloudAuth refuses control characters (cloud.conf cannot carry them); the refusal must not show the secret
        if (refused.getMessage().contains(secret)) {
          throw new AssertionError("the refusal of a secret shows it: " + refused.getMessage());
        }
        auth = auth(k, secret);
      }
      CloudCredentials creds = CloudCredentials.builder().auth(auth).build();
      boolean topology = k >= 2;
      ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("prod" + topology)
          .mode(topology ? OutputMode.TOPOLOGY : OutputMode.RAW_CAPI)
          .className(ClusterClassName.of("scs2", "1.34", "v2")).addWorkers(WorkerRequest.of("md-0", 3))
          .credentials(creds)), CloudProfiles.bundled(CloudProfiles.bundledNames().get(k % 3)));
      if (topology) {
        java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
        plan.serverGroupIdsNeeded().forEach(g -> ids.put(g.name(), "1b3e6c51-0000-4000-8000-00000000000" + ids.size()));
        plan = plan.withServerGroupIds(ids);
      }
      out.add(Arrays.asList(plan.manifests().toYaml().split("\n", -1)));
    }
    return out;
  }

  @Test
  void theParserReadsOrRefusesEveryInputWithATypedErrorAndNeverEchoesASecret() {
    List<List<String>> bases = bases();
    HostileRun<String> run = new HostileRun<>("manifest YAML (parser)", 10_000, text -> {
      ParsedManifests p = ManifestParser.parse(text);
      StringBuilder out = new StringBuilder();
      p.notices().forEach(n -> out.append(n).append('\n'));
      p.documents().forEach(d -> out.append(d.getClass().getSimpleName()).append('\n'));
      return out.toString();
    });
    Random rnd = new Random(10_004L);
    for (Generator g : PARSER) {
      for (int i = 0; i < PER_GENERATOR; i++) {
        Case c = g.make().apply(rnd, Hostile.pick(rnd, bases));
        run.run(c.text(), g.name(), c.change(), SECRETS);
      }
    }
    run.assertClean(PARSER.size() * PER_GENERATOR);
  }

  @Test
  void theValidatorChecksOrRefusesEveryInputWithATypedErrorAndNeverEchoesASecret() {
    List<List<String>> bases = bases();
    CrdValidator validator = CrdValidator.strict();
    HostileRun<String> run = new HostileRun<>("manifest YAML (validator)", 10_000, text -> {
      ValidationReport r = validator.validateYaml(text);
      StringBuilder out = new StringBuilder(r.summary()).append('\n');
      for (Violation v : r.violations()) {
        out.append(v.describe()).append('\n');
      }
      r.warnings().forEach(w -> out.append(w).append('\n'));
      return out.toString();
    });
    Random rnd = new Random(10_005L);
    for (Generator g : VALIDATOR) {
      for (int i = 0; i < PER_GENERATOR; i++) {
        Case c = g.make().apply(rnd, Hostile.pick(rnd, bases));
        run.run(c.text(), g.name(), c.change(), SECRETS);
      }
    }
    run.assertClean(VALIDATOR.size() * PER_GENERATOR);
  }

  /** A rendered document's YAML, unless it is a Secret (whose data legitimately holds the secret). */
  static String withoutSecrets(List<ManifestDocument> docs) {
    StringBuilder sb = new StringBuilder();
    for (ManifestDocument d : docs) {
      if (!d.kind().equals("Secret")) {
        sb.append(d.toYaml());
      }
    }
    return sb.toString();
  }

  private static CloudAuth auth(int k, String secret) {
    return k % 2 == 0
        ? CloudAuth.applicationCredential("https://keystone.example.com:5000/v3", "app-id-" + k, secret)
        : CloudAuth.password("https://keystone.example.com:5000/v3", "user" + k, secret, "Default", "p" + k);
  }
}
