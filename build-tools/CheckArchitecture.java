// Build step of every module (run by exec-maven-plugin after compilation, as a single-file source program):
//   java build-tools/CheckArchitecture.java <classes-dir> [fail|report] [<package-prefix>]
// Reads the package dependencies of the compiled classes with the JDK's jdeps and fails (exit 1, one
// line per finding) when
//   - a package uses another package's `internal`: P may use Q.internal only when P is Q, Q.internal
//     itself or below it, or P lies below Q (so io.clusterstacks.core.internal serves all of sdk-core);
//   - the package graph has a cycle, where a package and its `internal` count as one unit.
// `report` prints the findings without failing (for a module while it is being brought in line).
// Only packages starting with the prefix (default io.clusterstacks) are looked at. Needs only the JDK.

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

public class CheckArchitecture {

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: CheckArchitecture <classes-dir> [fail|report] [<package-prefix>]");
      System.exit(2);
    }
    if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(args[0]))) {
      System.out.println("CheckArchitecture: no classes in " + args[0] + ", nothing to check");
      return;
    }
    boolean fail = args.length < 2 || !args[1].equals("report");
    String prefix = args.length > 2 ? args[2] : "io.clusterstacks";
    Map<String, Set<String>> edges = packageEdges(args[0], prefix);
    List<String> findings = new ArrayList<>();
    edges.forEach((from, tos) -> tos.forEach(to -> {
      if (!mayUse(from, to)) {
        findings.add(from + " uses " + to + ": another package's internal; use its public API, or move the"
            + " shared code to a common internal package above both");
      }
    }));
    for (List<String> cycle : cycles(edges)) {
      findings.add("package cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0)
          + "; let dependencies flow one way (a package and its internal count as one)");
    }
    if (!findings.isEmpty()) {
      findings.forEach(System.err::println);
      System.err.println(findings.size() + " architecture finding(s) in " + args[0]);
      if (fail) {
        System.exit(1);
      }
      return;
    }
    System.out.println("CheckArchitecture: " + edges.size() + " packages, no foreign internal use, no cycles");
  }

  /** Package to the packages it uses (both starting with the prefix), from jdeps. */
  static Map<String, Set<String>> packageEdges(String classes, String prefix) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(
        () -> new IllegalStateException("jdeps is missing: build with a full JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none", classes);
    if (rc != 0) {
      System.err.println(out + "\n" + err);
      throw new IllegalStateException("jdeps failed with " + rc + " on " + classes);
    }
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[1].equals("->") && f[0].startsWith(prefix) && f[2].startsWith(prefix)) {
        edges.computeIfAbsent(f[0], k -> new TreeSet<>());
        if (!f[0].equals(f[2])) {
          edges.get(f[0]).add(f[2]);
        }
      }
    }
    return edges;
  }

  /** Whether package {@code from} may use package {@code to} under the internal rule. */
  static boolean mayUse(String from, String to) {
    String owner = internalOwner(to);
    if (owner == null) {
      return true;
    }
    String ownerInternal = owner + ".internal";
    return from.equals(owner) || from.equals(ownerInternal) || from.startsWith(ownerInternal + ".")
        || from.startsWith(owner + ".") && !from.equals(to);
  }

  /** For a package with an {@code internal} segment, the package that owns that internal part. */
  static String internalOwner(String pkg) {
    int i = pkg.indexOf(".internal");
    while (i >= 0) {
      int end = i + ".internal".length();
      if (end == pkg.length() || pkg.charAt(end) == '.') {
        return pkg.substring(0, i);
      }
      i = pkg.indexOf(".internal", end);
    }
    return null;
  }

  static String unit(String pkg) {
    String owner = internalOwner(pkg);
    return owner == null ? pkg : owner;
  }

  /** Strongly connected components with more than one unit (Tarjan), each as a sorted list. */
  static List<List<String>> cycles(Map<String, Set<String>> packageEdges) {
    Map<String, Set<String>> g = new TreeMap<>();
    packageEdges.forEach((from, tos) -> {
      Set<String> t = g.computeIfAbsent(unit(from), k -> new TreeSet<>());
      for (String to : tos) {
        g.computeIfAbsent(unit(to), k -> new TreeSet<>());
        if (!unit(to).equals(unit(from))) {
          t.add(unit(to));
        }
      }
    });
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String v : g.keySet()) {
      if (!index.containsKey(v)) {
        strongConnect(v, g, index, low, stack, onStack, out, counter);
      }
    }
    return out;
  }

  private static void strongConnect(String v, Map<String, Set<String>> g, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> out, int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]++);
    stack.push(v);
    onStack.add(v);
    for (String w : g.get(v)) {
      if (!index.containsKey(w)) {
        strongConnect(w, g, index, low, stack, onStack, out, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> component = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        component.sort(null);
        out.add(component);
      }
    }
  }
}
