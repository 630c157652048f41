package io.clusterstacks.openstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the lab's own scripts (lab/openstack/service, octavia-heartbeat) from the repository; a failure fails the test. */
final class LabScript {
  private LabScript() {}

  static Path dir() {
    Path p = Path.of("").toAbsolutePath();
    for (Path d = p; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("lab/openstack"))) {
        return d.resolve("lab/openstack");
      }
    }
    throw new AssertionError("lab/openstack not found above " + p);
  }

  /** Runs a script to its end (at most 10 minutes) and returns its output. */
  static String run(String script, String... args) {
    Process p = start(script, args);
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroy();
        throw new AssertionError(script + " did not end within 10 minutes");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new AssertionError("lab/openstack/" + script + " " + String.join(" ", args) + " exited " + p.exitValue() + ":\n" + out);
      }
      return out;
    } catch (InterruptedException | IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Starts a script in the background (its output is discarded); the caller ends it with {@link #stop}. */
  static Process background(String script, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(dir().resolve(script).toString());
    cmd.addAll(List.of(args));
    try {
      return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static void stop(Process p) {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Process start(String script, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(dir().resolve(script).toString());
    cmd.addAll(List.of(args));
    try {
      return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
