package io.clusterstacks.core.plan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.plan.internal.PlacementRenderer.SheetRole;
import io.clusterstacks.core.plan.internal.PlacementRenderer.SheetSection;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG layout without a browser (PlacementSvgBrowserIT measures it in Chromium). */
class PlacementRendererTest {

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static SheetSection section(String host, String role, List<String> zones) {
    return new SheetSection("Hypervisors: 2 (exact)", List.of(), List.of(host, "h2"), zones,
        List.of(new SheetRole(role, "anti-affinity", List.of(1, 2), 2, 1)));
  }

  @Test
  void namesTheDejaVuFontAndIsWellFormedWhateverTheNames() throws Exception {
    String svg = PlacementRenderer.svg("t", List.of(section("a\u001b[31m<&>\"'\u0000\u202e", "r\u0007", List.of())));
    Document doc = parse(svg);
    assertEquals("DejaVu Sans", doc.getDocumentElement().getAttribute("font-family"));
    assertTrue(svg.contains("a\\u001B[31m&lt;&amp;&gt;&quot;&apos;\\u0000\\u202E"), svg);
    assertFalse(svg.contains("\u001b"), "no raw escape character");
  }

  @Test
  void theCanvasIsAsWideAsTheWidestLine() throws Exception {
    for (String host : List.of("h1", "h1-" + "w".repeat(40), "\u4e2d".repeat(30))) {
      String svg = PlacementRenderer.svg("t", List.of(section(host, "md-0", List.of("az1", "az1"))));
      Element root = parse(svg).getDocumentElement();
      int width = Integer.parseInt(root.getAttribute("width"));
      NodeList texts = root.getElementsByTagName("text");
      double widest = 0;
      for (int i = 0; i < texts.getLength(); i++) {
        Element t = (Element) texts.item(i);
        int size = t.getAttribute("font-size").isEmpty() ? 12 : Integer.parseInt(t.getAttribute("font-size"));
        double end = Integer.parseInt(t.getAttribute("x"))
            + PlacementRenderer.width(t.getTextContent(), size, t.getAttribute("font-weight").equals("bold"));
        assertTrue(end <= width, t.getTextContent() + " ends at " + end + " beyond " + width);
        widest = Math.max(widest, end);
      }
      // the margin on the right is the margin on the left (16 px), give or take the zone band's inset
      assertTrue(width - widest <= 16 + 8 + 6 + 2, host + ": " + widest + " in " + width);
    }
  }

  @Test
  void zonesAreDrawnAsBandsWithTheirHostCount() throws Exception {
    String svg = PlacementRenderer.svg("t", List.of(section("h1", "md-0", List.of("az1", "az2"))));
    assertTrue(svg.contains(">zone az1 \u00b7 1 host</text>"), svg);
    assertTrue(svg.contains(">zone az2 \u00b7 1 host</text>"), svg);
    NodeList rects = parse(svg).getElementsByTagName("rect");
    int bands = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      bands += ((Element) rects.item(i)).getAttribute("rx").equals("6") ? 1 : 0;
    }
    assertEquals(2, bands);
  }

  @Test
  void longNamesAreShortenedWithAnEllipsis() {
    String svg = PlacementRenderer.svg("t", List.of(section("h".repeat(500), "r".repeat(500), List.of())));
    assertTrue(svg.contains(">" + "h".repeat(PlacementRenderer.MAX_NAME - 1) + "\u2026<"), "host label");
    assertFalse(svg.contains("h".repeat(PlacementRenderer.MAX_NAME)));
  }

  @Test
  void measuresTextWithTheFontsAdvances() {
    // "MMMM" in DejaVu Sans: 4 x 1767 units at 12 px = 41.4 px, plus the 3% and 1 px reserve
    assertEquals(4 * 1767 * 12 / 2048.0 * 1.03 + 1, PlacementRenderer.width("MMMM", 12, false), 1e-9);
    assertTrue(PlacementRenderer.width("\u4e2d", 12, false) > 12, "other characters get more than 1 em");
  }
}
