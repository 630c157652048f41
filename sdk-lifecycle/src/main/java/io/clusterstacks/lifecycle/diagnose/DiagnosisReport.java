package io.clusterstacks.lifecycle.diagnose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Severity;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Group;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Server;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link ClusterDiagnosis#analyse(ClusterObservations)} found in one snapshot: the findings, ordered by
 * severity (critical first), kind and subject, and the placement of each server group's members over the
 * hypervisors. {@link #text()} and {@link #json()} are deterministic: the same snapshot gives the same bytes.
 *
 * <p>Neither holds secrets: of the servers' metadata only the provider's maintenance keys appear, and the
 * snapshot holds no credentials.
 */
public final class DiagnosisReport {
  private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity, Comparator.reverseOrder())
      .thenComparing(Finding::kind).thenComparing(Finding::subject).thenComparing(Finding::message);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClusterObservations observations;
  private final List<Finding> findings;

  DiagnosisReport(ClusterObservations observations, List<Finding> findings) {
    this.observations = observations;
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(ORDER);
    this.findings = List.copyOf(sorted);
  }

  /**
   * The snapshot the report was made from.
   *
   * @return the observations
   */
  public ClusterObservations observations() {
    return observations;
  }

  /**
   * Every finding, critical first.
   *
   * @return the findings
   */
  public List<Finding> findings() {
    return findings;
  }

  /**
   * The findings of one kind.
   *
   * @param kind the kind
   * @return those findings, in report order
   */
  public List<Finding> findings(Finding.Kind kind) {
    InvalidInputException.requireArgument(kind, "kind");
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /**
   * The findings of at least a severity.
   *
   * @param atLeast the lowest severity, e.g. {@link Severity#WARNING}
   * @return those findings, in report order
   */
  public List<Finding> findings(Severity atLeast) {
    InvalidInputException.requireArgument(atLeast, "atLeast");
    return findings.stream().filter(f -> f.severity().isAtLeast(atLeast)).toList();
  }

  /**
   * Whether nothing needs attention: no warning and no critical finding (info findings allowed).
   *
   * @return true when healthy as far as observed
   */
  public boolean ok() {
    return findings(Severity.WARNING).isEmpty();
  }

  private long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /**
   * The report as text: a summary line, each finding with its evidence and fix, then the placement picture (each
   * server group's members per hypervisor, by {@code hostId}).
   *
   * @return the text, lines ending in {@code \n}
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("Diagnosis of cluster ").append(observations.namespace()).append('/').append(observations.clusterName())
        .append(" at ").append(observations.observedAt()).append(": ").append(count(Severity.CRITICAL)).append(" critical, ")
        .append(count(Severity.WARNING)).append(" warning, ").append(count(Severity.INFO)).append(" info")
        .append(ok() ? " (nothing needs attention)" : "").append('\n');
    for (Finding f : findings) {
      b.append('\n').append(f.severity()).append(' ').append(f.kind()).append(": ").append(f.subject()).append('\n');
      b.append("  ").append(f.message()).append('\n');
      for (String e : f.evidence()) {
        b.append("  - ").append(e).append('\n');
      }
      b.append("  fix: ").append(f.fix()).append('\n');
    }
    if (!observations.groups().isEmpty()) {
      b.append("\nPlacement (members per hypervisor, by hostId):\n");
      for (Group g : observations.groups()) {
        b.append("  ").append(g.deployment()).append(": ").append(g.name().isEmpty() ? "(no group)" : g.name()).append(", ")
            .append(g.policy()).append(", ").append(g.plannedMembers()).append(" planned, at most ").append(g.allowedPerHost())
            .append(" per host\n");
        for (Map.Entry<String, List<Server>> e : byHost(g).entrySet()) {
          b.append("    ").append(e.getKey().isEmpty() ? "(not scheduled)" : shortHost(e.getKey())).append(": ");
          List<String> names = new ArrayList<>();
          e.getValue().forEach(s -> names.add((s.name().isEmpty() ? s.id() : s.name()) + " " + s.status()));
          b.append(String.join(", ", names)).append(e.getValue().size() > g.allowedPerHost() && !e.getKey().isEmpty()
              ? "  <- more than planned" : "").append('\n');
        }
      }
    }
    return b.toString();
  }

  /**
   * The report as JSON: {@code cluster}, {@code namespace}, {@code observedAt}, {@code counts}, {@code findings}
   * (each with {@code kind}, {@code severity}, {@code subject}, {@code message}, {@code evidence}, {@code fix}) and
   * {@code placement} (each group with its hosts and their members).
   *
   * @return the JSON, two-space indented, lines ending in {@code \n}
   */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("cluster", observations.clusterName());
    root.put("namespace", observations.namespace());
    root.put("observedAt", observations.observedAt().toString());
    root.put("ok", ok());
    ObjectNode counts = root.putObject("counts");
    for (Severity s : new Severity[] {Severity.CRITICAL, Severity.WARNING, Severity.INFO}) {
      counts.put(s.name().toLowerCase(java.util.Locale.ROOT), count(s));
    }
    ArrayNode fs = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode o = fs.addObject();
      o.put("kind", f.kind().name());
      o.put("severity", f.severity().name());
      o.put("subject", f.subject());
      o.put("message", f.message());
      ArrayNode ev = o.putArray("evidence");
      f.evidence().forEach(ev::add);
      o.put("fix", f.fix());
    }
    ArrayNode placement = root.putArray("placement");
    for (Group g : observations.groups()) {
      ObjectNode o = placement.addObject();
      o.put("deployment", g.deployment());
      o.put("group", g.name());
      o.put("groupId", g.groupId());
      o.put("policy", g.policy());
      o.put("plannedMembers", g.plannedMembers());
      o.put("allowedPerHost", g.allowedPerHost());
      ArrayNode hosts = o.putArray("hosts");
      for (Map.Entry<String, List<Server>> e : byHost(g).entrySet()) {
        ObjectNode h = hosts.addObject();
        h.put("hostId", e.getKey());
        ArrayNode servers = h.putArray("servers");
        for (Server s : e.getValue()) {
          servers.addObject().put("id", s.id()).put("name", s.name()).put("status", s.status());
        }
      }
    }
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(pp).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, List<Server>> byHost(Group g) {
    Map<String, List<Server>> out = new TreeMap<>();
    if (g.groupId().isEmpty()) {
      return out;
    }
    for (Server s : observations.servers()) {
      if (s.groupId().equals(g.groupId())) {
        out.computeIfAbsent(s.hostId(), h -> new ArrayList<>()).add(s);
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(Server::name).thenComparing(Server::id)));
    return out;
  }

  private static String shortHost(String hostId) {
    return hostId.length() > 12 ? hostId.substring(0, 12) + "…" : hostId;
  }

  /**
   * The summary line and the findings' one-line forms.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("DiagnosisReport[" + observations.namespace() + "/" + observations.clusterName() + ", "
        + findings.size() + " findings");
    findings.forEach(f -> b.append("; ").append(f.severity()).append(' ').append(f.kind()).append(' ').append(f.subject()));
    return b.append(']').toString();
  }
}
