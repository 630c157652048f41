package io.clusterstacks.samples.hostile;

import io.clusterstacks.core.cloud.CloudProfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Generated command lines: every sub-command with hostile option values and files of every kind
 * (missing, folder, /dev/null, /dev/zero, a FIFO, oversized, not UTF-8, malformed JSON, a profile
 * with numbers beyond int, manifests with a seeded secret and damaged YAML), and the contract each
 * run must keep: a documented exit code, no stack trace, nothing raw for the terminal, no secret.
 */
final class CliCases {

  /** The exit codes the command line documents. */
  static final List<Integer> EXIT_CODES = List.of(0, 2, 3, 4);

  final Path dir;
  final List<String> files = new ArrayList<>();
  final List<String> secrets = new ArrayList<>();

  CliCases(Path dir) throws IOException, InterruptedException {
    this.dir = dir;
    Random rnd = new Random(10_007L);
    Path good = write("good.json", CloudProfiles.toJson(CloudProfiles.bundled("scs-reference")));
    files.add(good.toString());
    files.add(write("bad.json", "{\"name\": ").toString());
    files.add(write("empty.json", "").toString());
    files.add(write("latin1.json", "").toString());
    Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xe9, '"', '}'});
    files.add(write("huge.json", Files.readString(good).replaceFirst("\"vcpus\" : \\d+", "\"vcpus\" : 4294967297"))
        .toString());
    files.add(write("array.json", "[1,2,3]").toString());
    files.add(write("esc\u001b[31m.json", "{}").toString());
    files.add(dir.toString());
    files.add(dir.resolve("missing.json").toString());
    files.add("/dev/null");
    files.add("/dev/zero");
    files.add("/nonexistent/dir/file.yaml");
    Path fifo = dir.resolve("fifo.yaml");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
      files.add(fifo.toString());
    }
    Path big = dir.resolve("big.yaml");
    try (var out = Files.newOutputStream(big)) {
      byte[] line = "# filler line of a manifest file that is far too large for the command line\n"
          .getBytes(StandardCharsets.UTF_8);
      for (long n = 0; n < (17L << 20) / line.length; n++) {
        out.write(line);
      }
    }
    files.add(big.toString());
    for (int k = 0; k < SECRET_FILES.size(); k++) {
      String secret = Hostile.secret(rnd);
      secrets.add(secret);
      files.add(write("secret-" + k + ".yaml", SECRET_FILES.get(k).replace("@SECRET@", secret)).toString());
    }
  }

  /** Manifest files with a Secret whose data holds {@code @SECRET@}, each with something else wrong. */
  static final List<String> SECRET_FILES = List.of(
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  bogus: 1\nstringData:\n  clouds.yaml: @SECRET@\n",
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  clouds.yaml: [@SECRET@]\n",
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata: {x: {y: @SECRET@}}\n",
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: \"s\\e[31m\"\nstringData:\n  p: @SECRET@\n  o: \"\\e]0;t\\a\"\n",
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  p: @SECRET@\n---\nkind: Cluster\n");

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  /** One generated command line. */
  List<String> args(Random rnd) {
    List<String> a = new ArrayList<>();
    String cmd = Hostile.pick(rnd, "plan", "plan", "render", "validate", "flavor", "help", "", "bogus");
    if (!cmd.isEmpty()) {
      a.add(cmd);
    }
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      switch (cmd) {
        case "validate" -> {
          a.add(Hostile.pick(rnd, files));
          if (rnd.nextInt(5) == 0) {
            a.add(Hostile.pick(rnd, "-o", "--release-kubernetes-version", "--unknown-kinds-are-violations"));
            a.add(value(rnd));
          }
        }
        case "flavor" -> a.add(rnd.nextBoolean() ? Hostile.mutate(rnd, "SCS-2V-4-20s") : value(rnd));
        default -> {
          String opt = Hostile.pick(rnd, "-p", "--profile", "--stack", "--release", "-k", "--mode", "--control-planes",
              "--workers", "--image-strategy", "--image-option", "--server-group-id", "--cluster-name", "-n",
              "--data-store", "-o", "--svg", "--allow-raw-switch", "--no-cluster-stack", "--bogus");
          a.add(opt);
          if (!opt.startsWith("--allow") && !opt.startsWith("--no-")) {
            a.add(switch (opt) {
              case "-p", "--profile" -> rnd.nextBoolean() ? Hostile.pick(rnd, files) : value(rnd);
              case "--svg" -> Hostile.pick(rnd, dir.resolve("out.svg").toString(), dir.toString(), "/dev/null",
                  "/nonexistent/x.svg", dir.resolve("fifo.yaml").toString());
              case "--control-planes", "--workers" -> Hostile.pick(rnd, Hostile.NUMBERS);
              case "--image-option", "--server-group-id" -> value(rnd) + "=" + value(rnd);
              default -> rnd.nextBoolean() ? value(rnd) : Hostile.mutate(rnd, Hostile.pick(rnd, "v1.34.7", "scs2",
                  "topology", "raw-capi", "ubuntu", "flatcar", "yaml", "json", "v2", "default"));
            });
          }
        }
      }
    }
    return a;
  }

  private String value(Random rnd) {
    String v = Hostile.text(rnd);
    return v.length() > 2000 ? v.substring(0, 2000) : v.replace("\u0000", "0");
  }

  /**
   * Checks one run's outcome.
   *
   * @return the output, for the secret search
   * @throws AssertionError naming the broken rule
   */
  String check(List<String> args, int exit, String out, String err) {
    String all = out + err;
    if (!EXIT_CODES.contains(exit)) {
      throw new AssertionError("exit code " + exit + " is not documented (0, 2, 3, 4)");
    }
    if (all.contains("\tat ") || all.contains("Exception in thread") || all.contains("Caused by:")) {
      throw new AssertionError("a stack trace reached the user");
    }
    if (exit != 0 && err.isBlank()) {
      throw new AssertionError("exit " + exit + " without a message on standard error");
    }
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0) || c == '\u202e') {
        throw new AssertionError(String.format("a raw control character U+%04X reached the terminal", (int) c));
      }
    }
    return all;
  }
}
