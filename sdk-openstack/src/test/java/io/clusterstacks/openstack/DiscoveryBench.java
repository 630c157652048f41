package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.openstack.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark for docs/benchmarks.md: the SDK's discovery ({@link CloudDiscovery#discover(String)}) against the
 * {@code openstack} command line (Debian's python3-openstackclient) listing the same things, on the project's
 * OpenStack lab, as admin and as member, in rounds where the clients take turns. Per run: wall time and HTTP
 * requests, token requests included on both sides.
 *
 * <p>The command line lists what discovery reads, call for call: flavors of every visibility ({@code flavor list
 * --all --long}: discovery's {@code is_public=None}), active images ({@code image list --status active --long}),
 * compute availability zones, absolute limits, the project's servers ({@code server list --long --no-name-lookup}:
 * discovery reads no image or flavor names for them) and, as admin only (as discovery), the hypervisors and the
 * nova-compute services. The compute version document discovery reads to pick its microversions is not a
 * command of its own: the command line's libraries read it themselves when they negotiate.
 *
 * <ul>
 *   <li>{@code cli}: one {@code openstack} process per command, as a shell script runs them; timed without
 *       {@code --debug}.
 *   <li>{@code cli-debug}: the same with {@code --debug}; its requests are the {@code REQ: curl} lines of the
 *       debug output, which is read in memory and never written anywhere (it holds token hashes and bodies).
 *   <li>{@code cli-shell} / {@code cli-shell-debug}: one interactive {@code openstack} process that reads all
 *       the commands from its standard input (one Python start-up, one login).
 *   <li>{@code cli-version}: {@code openstack --version}, the command line's start-up without a request.
 *   <li>{@code sdk-jvm}: a new JVM per run ({@code java} with this class path) that logs in and discovers once:
 *       JVM start-up, class loading, login and discovery. The child also reports its own in-JVM time.
 *   <li>{@code sdk-new}: a new {@link OpenStackClient} per run in this JVM: login, version document, discovery.
 *   <li>{@code sdk-reused}: one client for all runs: discovery only (the token and the version range are
 *       cached).
 * </ul>
 *
 * <p>The SDK's requests are its {@link HttpCallLog}'s total, which counts every HTTP request of the client,
 * the login's {@code POST /auth/tokens} included. Run on demand, not in the test run:
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -pl sdk-openstack -am -Dmdep.outputFile=/tmp/os.cp \
 *   -Dmdep.includeScope=test
 * java -cp "sdk-openstack/target/test-classes:sdk-openstack/target/classes:$(cat /tmp/os.cp)" \
 *   io.clusterstacks.openstack.DiscoveryBench 5 lab-admin lab-member
 * </pre>
 *
 * It holds the lab's test lock (see {@link Lab}) while it runs, so no IT disables hypervisors under it.
 */
public final class DiscoveryBench {
  /** urllib3's line for every request on the wire, token requests included ({@code REQ: curl} lines omit those). */
  private static final Pattern CLI_REQUEST = Pattern.compile("(?m)^https?://[^ ]+?(:\\d+)? \"([A-Z]+) ([^ ?\"]+)[^ ]* HTTP/[0-9.]+\" \\d{3}");
  private static final Pattern CLI_CURL = Pattern.compile("(?m)^REQ: curl ");

  private DiscoveryBench() {}

  /** One run: wall time, HTTP requests (-1 when not counted) and a short note. */
  record Run(long ms, long requests, String detail) {}

  interface Client {
    Run run() throws Exception;
  }

  static Path labDir() {
    return Path.of(System.getProperty("clusterstacks.openstack.lab.dir", "/var/lib/clusterstacks-lab/openstack"));
  }

  static Map<String, String> cliEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("OS_CLIENT_CONFIG_FILE", labDir().resolve("clouds.yaml").toString());
    Path secure = labDir().resolve("secure.yaml");
    if (Files.isRegularFile(secure)) {
      env.put("OS_CLIENT_SECURE_FILE", secure.toString());
    }
    return env;
  }

  static CloudConfig cloud(String name) {
    return CloudsYaml.load(name, new CloudsYaml.Environment(cliEnvironment(), labDir(), labDir().resolve("no-home"),
        labDir().resolve("no-etc")));
  }

  /** The commands that list what discovery reads, for a user with or without the admin role. */
  static List<String> commands(boolean admin) {
    List<String> c = new ArrayList<>(List.of(
        "flavor list --all --long",
        "image list --status active --long",
        "availability zone list --compute",
        "limits show --absolute",
        "server list --long --no-name-lookup"));
    if (admin) {
      c.add("hypervisor list --long");
      c.add("compute service list --service nova-compute --long");
    }
    return c;
  }

  /** A finished process: exit code, standard output, standard error (in memory only). */
  record Result(int exit, String out, String err) {}

  static Result exec(List<String> cmd, String stdin) throws IOException, InterruptedException {
    return exec(cmd, stdin, Map.of());
  }

  static Result exec(List<String> cmd, String stdin, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(cliEnvironment());
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(cmd.get(0) + " did not finish in 10 minutes");
    }
    return new Result(p.exitValue(), out.join(), err.join());
  }

  private static String drain(InputStream s) {
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      s.transferTo(b);
      return b.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails on a non-zero exit; with --debug the standard error is not shown (it holds token hashes). */
  static Result check(List<String> cmd, Result r, boolean debug) {
    if (r.exit() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " exited " + r.exit()
          + (debug ? " (run it without --debug to see why)" : ":\n" + r.out() + r.err()));
    }
    return r;
  }

  /**
   * Counts the requests in --debug output into {@code METHOD :port/path} keys (flavor IDs folded), from urllib3's
   * line per request sent ({@code http://127.0.0.1:5000 "POST /v3/auth/tokens HTTP/1.1" 201 3943}). keystoneauth's
   * {@code REQ: curl} lines are one fewer per login: it does not log its token requests that way.
   */
  static Map<String, Integer> requests(String debug) {
    Map<String, Integer> out = new TreeMap<>();
    Matcher m = CLI_REQUEST.matcher(debug);
    while (m.find()) {
      String path = m.group(3).replaceAll("/flavors/[^/]+/os-extra_specs", "/flavors/{id}/os-extra_specs");
      out.merge(m.group(2) + " " + (m.group(1) == null ? "" : m.group(1)) + path, 1, Integer::sum);
    }
    return out;
  }

  static int curlLines(String debug) {
    Matcher m = CLI_CURL.matcher(debug);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static long sum(Map<String, Integer> m) {
    return m.values().stream().mapToLong(Integer::longValue).sum();
  }

  static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static String uptime() {
    try {
      return exec(List.of("uptime"), null).out().trim();
    } catch (IOException | InterruptedException e) {
      return "uptime: " + e.getMessage();
    }
  }

  /** Where the time of the calls went: the login's and the other calls' (summed; they run one after another). */
  static String split(List<HttpCall> calls) {
    long login = calls.stream().filter(c -> c.path().endsWith("/auth/tokens")).mapToLong(HttpCall::millis).sum();
    long rest = calls.stream().filter(c -> !c.path().endsWith("/auth/tokens")).mapToLong(HttpCall::millis).sum();
    return "login=" + login + "ms,calls=" + rest + "ms";
  }

  /** The child of {@code sdk-jvm}: logs in, discovers once, prints calls and its own wall time. */
  static void once(String cloud) {
    long t0 = System.nanoTime();
    try (OpenStackClient os = OpenStackClient.connect(cloud(cloud))) {
      CloudDiscovery.Discovered d = os.discovery().discover(cloud);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("calls " + os.calls().total() + " ms " + ms + " flavors " + d.profile().flavors().size() + " "
          + split(os.calls().calls()));
    }
  }

  /**
   * Runs it.
   *
   * @param args rounds, then the clouds.yaml names to run as (default lab-admin lab-member); or {@code --once
   *     CLOUD} for the child of {@code sdk-jvm}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--once")) {
      once(args[1]);
      return;
    }
    int rounds = Integer.parseInt(args[0]);
    List<String> clouds = args.length > 1 ? List.of(args).subList(1, args.length) : List.of(Lab.ADMIN, Lab.MEMBER);
    Lab.dir(); // takes the lab's test lock (waits while an IT run holds it)
    System.out.println("start: " + uptime());
    for (String cloud : clouds) {
      bench(cloud, rounds);
    }
    System.out.println("end: " + uptime());
  }

  static void bench(String cloud, int rounds) throws Exception {
    boolean admin;
    int flavors;
    try (OpenStackClient probe = OpenStackClient.connect(cloud(cloud))) {
      admin = probe.identity().isAdmin();
      flavors = probe.discovery().discover(cloud).profile().flavors().size();
    }
    List<String> cmds = commands(admin);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    OpenStackClient reused = OpenStackClient.connect(cloud(cloud));
    reused.discovery().discover(cloud); // the version range cached, the connections open
    Map<String, Client> clients = new LinkedHashMap<>();
    clients.put("cli", () -> cliPerCommand(cloud, cmds, false));
    clients.put("cli-debug", () -> cliPerCommand(cloud, cmds, true));
    clients.put("cli-shell", () -> cliShell(cloud, cmds, false));
    clients.put("cli-shell-debug", () -> cliShell(cloud, cmds, true));
    clients.put("cli-version", () -> {
      List<String> cmd = List.of("openstack", "--version");
      long t0 = System.nanoTime();
      Result r = check(cmd, exec(cmd, null), false);
      return new Run((System.nanoTime() - t0) / 1_000_000, 0, (r.out() + r.err()).trim());
    });
    clients.put("sdk-jvm", () -> {
      List<String> cmd = List.of(java, "-cp", classPath, DiscoveryBench.class.getName(), "--once", cloud);
      long t0 = System.nanoTime();
      Result r = check(cmd, exec(cmd, null), false);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      String[] f = r.out().trim().split(" ");
      return new Run(ms, Long.parseLong(f[1]), "in-JVM " + f[3] + " ms, " + f[6] + ", " + f[5] + " flavors");
    });
    clients.put("sdk-new", () -> {
      long t0 = System.nanoTime();
      try (OpenStackClient os = OpenStackClient.connect(cloud(cloud))) {
        CloudDiscovery.Discovered d = os.discovery().discover(cloud);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Run(ms, os.calls().total(), split(os.calls().calls()) + ", " + d.profile().flavors().size()
            + " flavors, " + os.calls().summary());
      }
    });
    clients.put("sdk-reused", () -> {
      long mark = reused.calls().total();
      long t0 = System.nanoTime();
      CloudDiscovery.Discovered d = reused.discovery().discover(cloud);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      return new Run(ms, reused.calls().total() - mark, split(d.calls()) + ", " + d.profile().flavors().size()
          + " flavors");
    });

    System.out.println();
    System.out.println("== " + cloud + (admin ? " (admin)" : " (no admin role)") + ": SDK discovery finds " + flavors
        + " flavors; the command line runs " + cmds);
    System.out.printf("%-16s %-5s %-8s %-9s %s%n", "client", "round", "wall_ms", "requests", "detail");
    Map<String, List<Long>> ms = new LinkedHashMap<>();
    Map<String, List<Long>> req = new LinkedHashMap<>();
    for (int i = 1; i <= rounds; i++) {
      List<String> order = new ArrayList<>(clients.keySet());
      Collections.rotate(order, -(i - 1));
      for (String name : order) {
        Run r = clients.get(name).run();
        System.out.printf("%-16s %-5d %-8d %-9s %s%n", name, i, r.ms(), r.requests() < 0 ? "-" : r.requests(), r.detail());
        ms.computeIfAbsent(name, k -> new ArrayList<>()).add(r.ms());
        req.computeIfAbsent(name, k -> new ArrayList<>()).add(r.requests());
      }
    }
    reused.close();
    long cliMs = median(ms.get("cli"));
    System.out.println("medians of " + rounds + " rounds (" + cloud + "):");
    for (String name : clients.keySet()) {
      long m = median(ms.get(name));
      long q = median(req.get(name));
      long qMin = Collections.min(req.get(name));
      long qMax = Collections.max(req.get(name));
      System.out.printf("  %-16s %7d ms  %s requests  %.2fx cli's wall time%n", name, m,
          q < 0 ? "-" : qMin == qMax ? String.valueOf(q) : q + " (" + qMin + "-" + qMax + ")", cliMs == 0 ? 0.0 : (double) m / cliMs);
    }
  }

  static List<String> cliArgs(String cloud, boolean debug) {
    List<String> cmd = new ArrayList<>(List.of("openstack", "--os-cloud", cloud));
    if (debug) {
      cmd.add("--debug");
    }
    return cmd;
  }

  /** One process per command; with debug the requests of all of them. */
  static Run cliPerCommand(String cloud, List<String> cmds, boolean debug) throws IOException, InterruptedException {
    Map<String, Integer> all = new TreeMap<>();
    long total = 0;
    int rows = -1;
    int curl = 0;
    for (String c : cmds) {
      List<String> cmd = cliArgs(cloud, debug);
      cmd.addAll(List.of(c.split(" ")));
      cmd.addAll(List.of("-f", "json"));
      long t0 = System.nanoTime();
      Result r = check(cmd, exec(cmd, null), debug);
      total += System.nanoTime() - t0;
      if (debug) {
        requests(r.err()).forEach((k, v) -> all.merge(k, v, Integer::sum));
        curl += curlLines(r.err());
      }
      if (c.startsWith("flavor list")) {
        JsonNode j = Json.parse(r.out());
        rows = j.size();
      }
    }
    return new Run(total / 1_000_000, debug ? sum(all) : -1, rows + " flavors listed"
        + (debug ? ", " + curl + " REQ lines, " + all : ""));
  }

  /**
   * One interactive process reading all commands from standard input. The cloud goes in {@code OS_CLOUD}: the
   * interactive shell (cmd2) also runs its arguments as commands, so {@code --os-cloud NAME} would add two
   * "is not an openstack command" answers ({@code --debug} still adds one).
   */
  static Run cliShell(String cloud, List<String> cmds, boolean debug) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("openstack"));
    if (debug) {
      cmd.add("--debug");
    }
    StringBuilder in = new StringBuilder();
    for (String c : cmds) {
      in.append(c).append(" -f value\n");
    }
    long t0 = System.nanoTime();
    Result r = check(cmd, exec(cmd, in.toString(), Map.of("OS_CLOUD", cloud)), debug);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (!debug && (!r.err().isBlank() || r.out().contains("is not an openstack command"))) {
      // the interactive shell reports a failed command on stderr and goes on: count that as a failure
      throw new IllegalStateException("openstack (interactive) reported errors:\n" + r.out() + r.err());
    }
    Map<String, Integer> all = debug ? requests(r.err()) : Map.of();
    return new Run(ms, debug ? sum(all) : -1, debug ? curlLines(r.err()) + " REQ lines, " + all : r.out().lines().count() + " lines out");
  }
}
