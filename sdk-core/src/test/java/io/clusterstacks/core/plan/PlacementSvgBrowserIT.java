package io.clusterstacks.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterstacks.core.plan.internal.PlacementRenderer;
import io.clusterstacks.core.plan.internal.PlacementRenderer.SheetRole;
import io.clusterstacks.core.plan.internal.PlacementRenderer.SheetSection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The placement map's SVG in a real browser: Debian's headless Chromium loads one page with many
 * rendered maps, measures every {@code <text>} with {@code getBBox()} in the font the SVG names
 * (DejaVu Sans) and reports whether every box lies inside its canvas and no two boxes overlap.
 *
 * <p>Covers 1-20 roles, 1-200 hosts and 1-6 zones per section (generated sheets, with long, short and
 * non-ASCII names and counts up to {@code Integer.MAX_VALUE}), and maps of real plans on generated
 * clouds. It also checks that Chromium measured with DejaVu Sans: each ASCII text is at most as wide as
 * the renderer reserved and at least 90% of it (another font would be off by more).
 *
 * <p>Needs the browser lab ({@code lab/browser/ensure}, run by {@code ./bin/test-all}); fails, never
 * skips, without it.
 */
class PlacementSvgBrowserIT {

  private static final Path STATE = Path.of(System.getProperty("clusterstacks.browser.lab",
      "/var/lib/clusterstacks-lab/browser"));
  private static final Path OUT = Path.of(System.getProperty("clusterstacks.browser.out", "target/browser-it"));
  private static final int SHEETS = 120;
  private static final int PLANS = 40;

  private static String chromium;

  @BeforeAll
  static void findChromium() throws IOException {
    Path file = STATE.resolve("chromium");
    String path = Files.isRegularFile(file) ? Files.readString(file).trim() : "";
    if (path.isEmpty() || !Files.isExecutable(Path.of(path))) {
      fail("headless Chromium is missing: " + file + " names no executable. Run ./bin/test-all (it runs"
          + " lab/browser/ensure, which installs Debian's chromium and fonts-dejavu-core) or lab/browser/ensure alone");
    }
    chromium = path;
    Files.createDirectories(OUT);
  }

  @Test
  void everyTextOfEveryGeneratedMapLiesInsideItsCanvasAndOverlapsNoOther() throws Exception {
    List<String> svgs = new ArrayList<>();
    List<String> what = new ArrayList<>();
    Random rnd = new Random(20261201L);
    int[][] corners = {{1, 1, 1}, {20, 200, 6}, {20, 1, 1}, {1, 200, 1}, {1, 200, 6}, {20, 6, 6}, {20, 200, 1},
        {1, 6, 6}};
    for (int i = 0; i < SHEETS; i++) {
      int roles = i < corners.length ? corners[i][0] : 1 + rnd.nextInt(20);
      int hosts = i < corners.length ? corners[i][1] : 1 + rnd.nextInt(rnd.nextBoolean() ? 12 : 200);
      int zones = i < corners.length ? corners[i][2] : 1 + rnd.nextInt(Math.min(6, hosts));
      int sections = i < corners.length || rnd.nextInt(4) > 0 ? 1 : 2;
      List<SheetSection> list = new ArrayList<>();
      for (int s = 0; s < sections; s++) {
        list.add(sheet(rnd, roles, hosts, zones, i % 7 == 3));
      }
      svgs.add(PlacementRenderer.svg("Placement map " + i + ": " + roles + " roles, " + hosts + " hosts, " + zones
          + " zones", list));
      what.add("sheet " + i + " (" + roles + " roles, " + hosts + " hosts, " + zones + " zones, " + sections
          + " sections)");
    }
    Random plans = new Random(4242L);
    int planned = 0;
    for (int i = 0; planned < PLANS && i < PLANS * 20; i++) {
      try {
        ClusterPlan plan = Planner.plan(RandomPlans.request(plans), RandomPlans.cloud(plans));
        svgs.add(plan.placementMap().toSvg());
        what.add("plan " + i);
        planned++;
      } catch (InfeasiblePlanException e) {
        // infeasible requests have no map
      }
    }
    assertEquals(PLANS, planned, "generated enough feasible plans");

    JsonNode result = measure(svgs);
    List<String> problems = new ArrayList<>();
    long texts = 0;
    for (int i = 0; i < svgs.size(); i++) {
      JsonNode r = result.get(i);
      texts += r.get("texts").asLong();
      for (JsonNode p : r.get("problems")) {
        problems.add(what.get(i) + ": " + p.asText());
      }
    }
    // The font check: Chromium measured the ASCII texts with DejaVu Sans (as the renderer does).
    for (JsonNode s : concat(result.get(0).get("samples"), result.get(3).get("samples"))) {
      String text = s.get("text").asText();
      double measured = s.get("width").asDouble();
      double reserved = PlacementRenderer.width(text, s.get("size").asInt(), s.get("bold").asBoolean());
      if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && text.length() >= 4
          && (measured > reserved || measured < 0.9 * reserved)) {
        problems.add("font: '" + text + "' measured " + measured + " px, reserved " + reserved
            + " px: Chromium did not use DejaVu Sans (fc-match 'DejaVu Sans')");
      }
    }
    assertTrue(texts > 10_000, "measured " + texts + " texts");
    assertTrue(problems.isEmpty(), problems.size() + " problems in " + svgs.size() + " maps ("
        + texts + " texts), first: " + problems.subList(0, Math.min(20, problems.size())));

    screenshot(PlacementRenderer.svg("Placement map: 3 roles on 8 hosts in 3 zones", List.of(showcase())));
  }

  private static List<JsonNode> concat(JsonNode a, JsonNode b) {
    List<JsonNode> out = new ArrayList<>();
    a.forEach(out::add);
    b.forEach(out::add);
    return out;
  }

  /** The picture kept in docs/placement-map.png: a control plane and two deployments over three zones. */
  static SheetSection showcase() {
    List<String> hosts = List.of("compute-a1", "compute-a2", "compute-a3", "compute-b1", "compute-b2", "compute-b3",
        "compute-c1", "compute-c2");
    List<String> zones = List.of("az1", "az1", "az1", "az2", "az2", "az2", "az3", "az3");
    return new SheetSection("Hypervisors: 8 (exact)", List.of(), hosts, zones, List.of(
        new SheetRole("control-plane", "anti-affinity", List.of(1, 0, 0, 1, 0, 0, 1, 0), 1, 1),
        new SheetRole("md-0", "anti-affinity with max_server_per_host=2", List.of(1, 1, 1, 1, 1, 1, 1, 1), 2, 2),
        new SheetRole("md-gpu", "soft-anti-affinity", List.of(0, 2, 0, 0, 2, 0, 0, 7), 7, 3)));
  }

  @Test
  void theCheckFindsOverlapsAndTextsOutsideTheCanvas() throws Exception {
    // The page must be able to fail: a text beyond the right edge and two texts on top of each other.
    String bad = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\" font-family=\"DejaVu Sans\""
        + " font-size=\"12\"><text x=\"60\" y=\"20\">far too long for the canvas</text>"
        + "<text x=\"5\" y=\"40\">one</text><text x=\"8\" y=\"42\">two</text></svg>";
    JsonNode r = measure(List.of(bad)).get(0);
    String problems = r.get("problems").toString();
    assertTrue(problems.contains("outside") && problems.contains("overlaps"), problems);
  }

  /** One section with zones as groups, names of mixed length and member counts up to int's limit. */
  private static SheetSection sheet(Random rnd, int roles, int hosts, int zones, boolean wide) {
    List<String> names = new ArrayList<>();
    List<String> zoneOf = new ArrayList<>();
    for (int h = 0; h < hosts; h++) {
      names.add(name(rnd, "compute-" + (h + 1)));
      zoneOf.add(zones == 1 && rnd.nextBoolean() ? "" : "az" + (1 + h * zones / hosts) + (wide ? "-" + "z".repeat(40) : ""));
    }
    if (zoneOf.contains("")) {
      zoneOf = List.of();
    }
    List<SheetRole> list = new ArrayList<>();
    for (int r = 0; r < roles; r++) {
      List<Integer> members = new ArrayList<>();
      int density = rnd.nextInt(4);
      for (int h = 0; h < hosts; h++) {
        int n = rnd.nextInt(4) < density ? rnd.nextInt(rnd.nextInt(10) == 0 ? 40 : 4) : 0;
        members.add(wide && h == 0 ? Integer.MAX_VALUE : n);
      }
      list.add(new SheetRole(r == 0 ? "control-plane" : name(rnd, "md-" + r),
          rnd.nextBoolean() ? "anti-affinity" : "soft-anti-affinity with max_server_per_host=" + (1 + rnd.nextInt(5)),
          members, rnd.nextInt(5), rnd.nextInt(3)));
    }
    return new SheetSection("Hypervisors" + (rnd.nextBoolean() ? "" : " of class " + name(rnd, "gpu")) + ": " + hosts
        + " (exact)", rnd.nextInt(5) == 0 ? List.of("at least " + hosts + " hosts; there may be more") : List.of(),
        names, zoneOf, list);
  }

  private static String name(Random rnd, String plain) {
    return switch (rnd.nextInt(8)) {
      case 0 -> plain + "-" + "w".repeat(1 + rnd.nextInt(60));
      case 1 -> plain + "-\u00e9t\u00e9-\u4e2d\u6587";
      case 2 -> plain + "\u001b[31m\u202e";
      case 3 -> "M".repeat(1 + rnd.nextInt(100));
      default -> plain;
    };
  }

  private static final String SCRIPT = """
      <script>
      const out = [];
      const svgs = [...document.querySelectorAll('body > div > svg')];
      svgs.forEach((svg, index) => {
        const W = +svg.getAttribute('width'), H = +svg.getAttribute('height');
        const problems = [];
        const boxes = [...svg.querySelectorAll('text')].map(t => {
          const b = t.getBBox();
          const size = +(t.getAttribute('font-size') || 12);
          return {x: b.x, y: b.y, w: b.width, h: b.height, t: t.textContent, size,
            bold: t.getAttribute('font-weight') === 'bold'};
        });
        const e = 0.01;
        for (const b of boxes) {
          if (b.x < -e || b.y < -e || b.x + b.w > W + e || b.y + b.h > H + e) {
            problems.push('outside the ' + W + 'x' + H + ' canvas: "' + b.t + '" at ' +
              [b.x, b.y, b.w, b.h].map(v => v.toFixed(1)).join(','));
          }
        }
        const byY = boxes.slice().sort((a, b) => a.y - b.y);
        for (let i = 0; i < byY.length && problems.length < 50; i++) {
          const a = byY[i];
          for (let j = i + 1; j < byY.length && byY[j].y < a.y + a.h - e; j++) {
            const b = byY[j];
            if (a.x < b.x + b.w - e && b.x < a.x + a.w - e) {
              problems.push('"' + a.t + '" overlaps "' + b.t + '"');
            }
          }
        }
        const samples = index < 4 ? boxes.map(b => ({text: b.t, width: b.w, size: b.size, bold: b.bold})) : [];
        out.push({texts: boxes.length, problems, samples});
      });
      const pre = document.createElement('pre');
      pre.id = 'result';
      pre.textContent = JSON.stringify(out);
      document.body.replaceChildren(pre);
      </script>
      """;

  /** Loads all SVGs in one page and reads the measurements back from the DOM. */
  private static JsonNode measure(List<String> svgs) throws Exception {
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
    for (String svg : svgs) {
      page.append("<div>").append(svg).append("</div>\n");
    }
    page.append(SCRIPT).append("</body></html>\n");
    Path html = OUT.resolve("page-" + System.nanoTime() + ".html").toAbsolutePath();
    Files.writeString(html, page, StandardCharsets.UTF_8);
    String dom = run("--dump-dom", html.toUri().toString());
    int start = dom.indexOf("<pre id=\"result\">");
    int end = dom.indexOf("</pre>", start);
    if (start < 0 || end < 0) {
      fail("Chromium returned no result from " + html + ": " + dom.substring(0, Math.min(500, dom.length())));
    }
    String json = dom.substring(start + "<pre id=\"result\">".length(), end).replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    JsonNode r = new ObjectMapper().readTree(json);
    assertEquals(svgs.size(), r.size(), "one result per map");
    return r;
  }

  private static void screenshot(String svg) throws Exception {
    int w = Integer.parseInt(svg.replaceFirst("(?s).*?width=\"(\\d+)\".*", "$1"));
    int h = Integer.parseInt(svg.replaceFirst("(?s).*?height=\"(\\d+)\".*", "$1"));
    Path file = OUT.resolve("placement-map.svg").toAbsolutePath();
    Files.writeString(file, svg, StandardCharsets.UTF_8);
    Path png = OUT.resolve("placement-map.png").toAbsolutePath();
    run("--hide-scrollbars", "--window-size=" + w + "," + h, "--screenshot=" + png, file.toUri().toString());
    assertTrue(Files.size(png) > 1000, "screenshot written: " + png);
  }

  private static String run(String... args) throws Exception {
    Path profile = Files.createTempDirectory(OUT.toAbsolutePath(), "chromium-profile-");
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Path log = OUT.resolve("chromium.log").toAbsolutePath();
    Path stdout = Files.createTempFile(OUT.toAbsolutePath(), "chromium-", ".out");
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).redirectOutput(stdout.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("Chromium did not finish within 5 minutes; see " + log);
    }
    assertEquals(0, p.exitValue(), "Chromium's exit code; see " + log);
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    Files.delete(stdout);
    return out;
  }
}
