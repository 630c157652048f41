package io.clusterstacks.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's own checks (build-tools/CheckArchitecture.java and build-tools/ApiDump.java, run on every
 * module after compilation) fail on classes that break their rules: the fixtures in
 * {@code io.clusterstacks.archfixture} each break one on purpose. That the SDK's own modules pass is
 * what the build itself checks.
 */
class BuildChecksTest {
  private static final Path TOOLS = Path.of("..", "build-tools");
  @TempDir static Path fixtures;

  @BeforeAll
  static void copyFixtureClasses() throws IOException {
    assertTrue(Files.isDirectory(TOOLS), "run from sdk-core: " + TOOLS.toAbsolutePath());
    Path from = Path.of("target", "test-classes");
    try (Stream<Path> s = Files.walk(from.resolve("io/clusterstacks/archfixture"))) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Path to = fixtures.resolve(from.relativize(p));
        Files.createDirectories(to.getParent());
        Files.copy(p, to);
      }
    }
  }

  @Test
  void architectureCheckRefusesForeignInternalUseAndCycles() throws Exception {
    Result r = run(List.of(TOOLS.resolve("CheckArchitecture.java").toString(), fixtures.toString()));
    assertEquals(1, r.exit, r.output);
    assertTrue(r.output.contains("io.clusterstacks.archfixture.b uses io.clusterstacks.archfixture.a.internal"), r.output);
    assertTrue(r.output.contains("package cycle: io.clusterstacks.archfixture.c -> io.clusterstacks.archfixture.d"), r.output);
    assertTrue(r.output.contains("2 architecture finding(s)"), r.output);
  }

  @Test
  void apiCheckRefusesGeneratedTypesInPublicSignatures() throws Exception {
    Path dump = fixtures.resolve("fixture.api");
    Result r = run(List.of("-cp", fixtures.toString(), TOOLS.resolve("ApiDump.java").toString(),
        fixtures.toString(), dump.toString(), "fixture", "update"));
    assertEquals(1, r.exit, r.output);
    assertTrue(r.output.contains("names generated Immutable* types"), r.output);
    assertTrue(r.output.contains("ImmutableThing thing()"), r.output);
  }

  @Test
  void apiCheckFailsOnAnUnrecordedChange() throws Exception {
    Path classes = fixtures.resolve("only-b");
    Path b = Path.of("io", "clusterstacks", "archfixture", "b");
    Files.createDirectories(classes.resolve(b));
    Files.copy(fixtures.resolve(b).resolve("UsesForeignInternal.class"), classes.resolve(b).resolve("UsesForeignInternal.class"));
    Path dump = fixtures.resolve("b.api");
    List<String> base = List.of("-cp", fixtures + java.io.File.pathSeparator + classes, TOOLS.resolve("ApiDump.java").toString(),
        classes.toString(), dump.toString(), "fixture-b");
    Result update = run(concat(base, "update"));
    assertEquals(0, update.exit, update.output);
    String recorded = Files.readString(dump, StandardCharsets.UTF_8);
    assertTrue(recorded.contains("public static int value()"), recorded);
    assertEquals(0, run(concat(base, "check")).exit, "the recorded dump matches");

    Files.writeString(dump, recorded.replace("public static int value()", "public static long value()"));
    Result changed = run(concat(base, "check"));
    assertEquals(1, changed.exit, changed.output);
    assertTrue(changed.output.contains("- io.clusterstacks.archfixture.b public final class UsesForeignInternal:"
        + " public static long value()"), changed.output);
    assertTrue(changed.output.contains("+ io.clusterstacks.archfixture.b public final class UsesForeignInternal:"
        + " public static int value()"), changed.output);
    assertTrue(changed.output.contains("-Dapi.update"), changed.output);
  }

  private static List<String> concat(List<String> args, String last) {
    List<String> out = new ArrayList<>(args);
    out.add(last);
    return out;
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the check did not finish: " + cmd);
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
