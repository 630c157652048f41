package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.plan.PlacementMap;
import io.clusterstacks.core.plan.PlacementMap.RoleColumn;
import io.clusterstacks.core.plan.PlacementMap.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a {@link PlacementMap} as text and SVG.
 *
 * <p>The SVG is laid out from measured text: it names one font, DejaVu Sans (Debian's
 * {@code fonts-dejavu-core}), and measures every label with that font's advance widths (printable
 * ASCII exactly, every other character as a wider-than-any-glyph 1.35 em), so the canvas is as wide
 * as its widest line and no two labels share space, whatever the number of roles, hosts and zones.
 * Layout, top to bottom: a title; per section (a host class, or the whole cloud) its heading, a
 * column header with one column per role, one band per availability zone (its name and host count,
 * then one row per host: a dot per member up to five, then the count), and a legend with each
 * role's full name, policy and worst/expected members per host.
 *
 * <p>Limits, stated in the picture where they apply: names longer than 48 characters
 * and role headers longer than 24 are shortened with an ellipsis (the legend and
 * the text table keep the full role names up to 80 characters); hosts without
 * members are summarised per zone in one row when a zone has more than 12 hosts;
 * at most 200 host rows are drawn per section, the rest are summarised in one
 * row; a map lists at most {@link PlacementMap#MAX_LISTED_HOSTS} hosts per section and sums the members
 * on the hosts beyond them in one more row (text and SVG alike). Columns and zone bands have no limit: the canvas grows. The browser test covers 1-20 roles,
 * 1-200 hosts and 1-6 zones. Control characters, bidirectional overrides and other invisible code
 * points are written as visible {@code \\uXXXX} escapes, in the SVG and in the text table, so a
 * name can neither break the document nor reach a terminal raw.
 */
public final class PlacementRenderer {

  /** The font the SVG names; its advance widths below. */
  public static final String FONT_FAMILY = "DejaVu Sans";

  private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
      "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  private static final int MAX_ROWS = 12;
  static final int MAX_HOST_ROWS = 200;
  static final int MAX_NAME = 48;
  static final int MAX_HEADER = 24;
  static final int MAX_LEGEND_NAME = 80;
  private static final int MAX_DOTS = 5;

  // DejaVu Sans (fonts-dejavu-core 2.37) advance widths of U+0020..U+007E in font units (2048 per em).
  private static final int[] REGULAR = {651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739,
      651, 690, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048,
      1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612, 1423, 1300,
      1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721,
      1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212,
      1075, 1303, 690, 1303, 1716};
  private static final int[] BOLD = {713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778,
      748, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188, 2048, 1585,
      1561, 1503, 1700, 1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741, 1501, 1741, 1577, 1475, 1397,
      1663, 1585, 2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024, 1024, 1382, 1466, 1214, 1466, 1389, 891, 1466,
      1458, 702, 702, 1362, 702, 2134, 1458, 1407, 1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192,
      1458, 748, 1458, 1716};
  /** Any other character: wider than every glyph of DejaVu Sans and of the usual fallback fonts. */
  private static final int OTHER = 2765;

  private static final int MARGIN = 16;
  private static final int SIZE = 12;
  private static final int TITLE_SIZE = 15;
  private static final int HEADING_SIZE = 13;
  private static final int LINE = 20;
  private static final int GAP = 18;
  private static final int DOT_PITCH = 10;

  private PlacementRenderer() {}

  /**
   * One section of the picture: a set of hypervisors with the roles placed on it.
   *
   * @param heading what the hosts are, e.g. {@code Hypervisors of class gpu: 3 (exact)}
   * @param notes lines under the heading (e.g. that the count is a lower bound)
   * @param hostNames a label per host
   * @param hostZones the zone of each host, or empty when zones are not known per host
   * @param roles the roles, with members per host in host order
   * @param moreHosts hosts beyond the listed ones, whose members each role sums
   */
  public record SheetSection(String heading, List<String> notes, List<String> hostNames, List<String> hostZones,
      List<SheetRole> roles, int moreHosts) {
    /**
     * A section whose hosts are all listed.
     *
     * @param heading the heading
     * @param notes the notes
     * @param hostNames the host labels
     * @param hostZones the zones, empty or one per host
     * @param roles the roles
     */
    public SheetSection(String heading, List<String> notes, List<String> hostNames, List<String> hostZones,
        List<SheetRole> roles) {
      this(heading, notes, hostNames, hostZones, roles, 0);
    }

    /**
     * Copies the lists and checks that every role has one count per host.
     *
     * @param heading the heading
     * @param notes the notes
     * @param hostNames the host labels
     * @param hostZones the zones, empty or one per host
     * @param roles the roles
     * @param moreHosts hosts not listed
     */
    public SheetSection {
      Objects.requireNonNull(heading, "heading");
      notes = List.copyOf(notes);
      hostNames = List.copyOf(hostNames);
      hostZones = List.copyOf(hostZones);
      roles = List.copyOf(roles);
      if (!hostZones.isEmpty() && hostZones.size() != hostNames.size()) {
        throw new IllegalArgumentException("one zone per host: " + hostZones.size() + " for " + hostNames.size());
      }
      for (SheetRole r : roles) {
        if (r.membersPerHost().size() != hostNames.size()) {
          throw new IllegalArgumentException("one count per host for " + r.name());
        }
      }
    }
  }

  /**
   * One role's column.
   *
   * @param name the role name
   * @param policy the policy, as the report writes it
   * @param membersPerHost members per host, in host order
   * @param worstCasePerHost the worst case after rollouts
   * @param expectedPerHost the expected case after rollouts
   * @param membersOnMoreHosts members on the section's hosts beyond the listed ones
   */
  public record SheetRole(String name, String policy, List<Integer> membersPerHost, int worstCasePerHost,
      int expectedPerHost, long membersOnMoreHosts) {
    /**
     * A role whose members are all on listed hosts.
     *
     * @param name the name
     * @param policy the policy
     * @param membersPerHost members per host
     * @param worstCasePerHost worst case
     * @param expectedPerHost expected case
     */
    public SheetRole(String name, String policy, List<Integer> membersPerHost, int worstCasePerHost,
        int expectedPerHost) {
      this(name, policy, membersPerHost, worstCasePerHost, expectedPerHost, 0);
    }

    /**
     * Copies the list.
     *
     * @param name the name
     * @param policy the policy
     * @param membersPerHost members per host
     * @param worstCasePerHost worst case
     * @param expectedPerHost expected case
     * @param membersOnMoreHosts members not on listed hosts
     */
    public SheetRole {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(policy, "policy");
      membersPerHost = List.copyOf(membersPerHost);
    }
  }

  /**
   * Renders the text table.
   *
   * @param map the map
   * @return the table
   */
  public static String text(PlacementMap map) {
    StringBuilder sb = new StringBuilder();
    for (Section s : map.sections()) {
      sb.append("Hypervisors ").append(s.hostClass().map(c -> "of class " + quote(c) + ": ").orElse(": "))
          .append(quote(s.hosts().toString())).append('\n');
      List<String> header = new ArrayList<>();
      header.add("host");
      boolean zoned = !s.hostZones().isEmpty();
      if (zoned) {
        header.add("zone");
      }
      for (RoleColumn c : s.roles()) {
        header.add(quote(c.role()));
      }
      List<List<String>> rows = new ArrayList<>();
      List<Integer> shown = rowsToShow(s);
      for (int i : shown) {
        List<String> row = new ArrayList<>();
        row.add(quote(s.hostNames().get(i)));
        if (zoned) {
          row.add(quote(s.hostZones().get(i)));
        }
        for (RoleColumn c : s.roles()) {
          int n = c.membersPerHost().get(i);
          row.add(n == 0 ? "." : "#".repeat(Math.min(n, 8)) + " " + n);
        }
        rows.add(row);
      }
      int hidden = s.hostNames().size() - shown.size();
      if (s.moreHosts() > 0) {
        List<String> row = new ArrayList<>();
        row.add("+" + s.moreHosts() + (s.moreHosts() == 1 ? " more host" : " more hosts"));
        if (zoned) {
          row.add("");
        }
        for (RoleColumn c : s.roles()) {
          row.add(c.membersOnMoreHosts() == 0 ? "." : "sum " + c.membersOnMoreHosts());
        }
        rows.add(row);
      }
      List<String> worst = new ArrayList<>();
      worst.add("worst case/host");
      List<String> expected = new ArrayList<>();
      expected.add("expected/host");
      List<String> policy = new ArrayList<>();
      policy.add("policy");
      if (zoned) {
        worst.add("");
        expected.add("");
        policy.add("");
      }
      for (RoleColumn c : s.roles()) {
        worst.add(String.valueOf(c.worstCasePerHost()));
        expected.add(String.valueOf(c.expectedPerHost()));
        policy.add(c.policy().toString());
      }
      int[] width = new int[header.size()];
      for (List<String> r : concat(List.of(header), rows, List.of(worst, expected))) {
        for (int i = 0; i < r.size(); i++) {
          width[i] = Math.max(width[i], r.get(i).length());
        }
      }
      line(sb, header, width);
      StringBuilder rule = new StringBuilder();
      for (int w : width) {
        rule.append("-".repeat(w)).append("  ");
      }
      sb.append(rule.toString().stripTrailing()).append('\n');
      for (List<String> r : rows) {
        line(sb, r, width);
      }
      if (hidden > 0) {
        sb.append("(").append(hidden).append(hidden == 1 ? " more host" : " more hosts").append(" without members)\n");
      }
      if (s.moreHosts() > 0) {
        sb.append("(at most ").append(PlacementMap.MAX_LISTED_HOSTS).append(" hosts are listed; the members on the ")
            .append(s.moreHosts()).append(" others are summed)\n");
      }
      if (s.hosts().knowledge() == HostKnowledge.LOWER_BOUND) {
        sb.append("(at least ").append(s.hosts().count()).append(" hosts; there may be more)\n");
      }
      sb.append(rule.toString().stripTrailing()).append('\n');
      line(sb, worst, width);
      line(sb, expected, width);
      for (int i = zoned ? 2 : 1; i < policy.size(); i++) {
        sb.append("  ").append(header.get(i)).append(": ").append(policy.get(i)).append('\n');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static List<Integer> rowsToShow(Section s) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < s.hostNames().size(); i++) {
      boolean used = false;
      for (RoleColumn c : s.roles()) {
        used |= c.membersPerHost().get(i) > 0;
      }
      if (used || s.hostNames().size() <= MAX_ROWS) {
        out.add(i);
      }
    }
    return out;
  }

  @SafeVarargs
  private static List<List<String>> concat(List<List<String>>... parts) {
    List<List<String>> out = new ArrayList<>();
    for (List<List<String>> p : parts) {
      out.addAll(p);
    }
    return out;
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      l.append(cells.get(i)).append(" ".repeat(width[i] - cells.get(i).length() + 2));
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  /**
   * Renders the SVG document of a plan's map.
   *
   * @param map the map
   * @return the SVG
   */
  public static String svg(PlacementMap map) {
    List<SheetSection> sections = new ArrayList<>();
    for (Section s : map.sections()) {
      List<String> notes = new ArrayList<>();
      if (s.hosts().knowledge() == HostKnowledge.LOWER_BOUND) {
        notes.add("at least " + s.hosts().count() + " hosts; there may be more");
      }
      List<SheetRole> roles = new ArrayList<>();
      for (RoleColumn c : s.roles()) {
        roles.add(new SheetRole(c.role(), c.policy().toString(), c.membersPerHost(), c.worstCasePerHost(),
            c.expectedPerHost(), c.membersOnMoreHosts()));
      }
      sections.add(new SheetSection("Hypervisors" + s.hostClass().map(c -> " of class " + c).orElse("") + ": "
          + hostSummary(s), notes, s.hostNames(), s.hostZones(), roles, s.moreHosts()));
    }
    return svg("Placement map", sections);
  }

  private static String hostSummary(Section s) {
    return switch (s.hosts().knowledge()) {
      case EXACT -> s.hosts().count() + " (exact)";
      case LOWER_BOUND -> "at least " + s.hosts().count() + " (lower bound)";
      case DECLARED -> s.hosts().count() + " (declared, not verified)";
      case UNKNOWN -> "unknown";
    };
  }

  /**
   * Renders the SVG document of sections given directly (for plans and for tests of the layout).
   *
   * @param title the title line
   * @param sections the sections
   * @return a standalone SVG document, deterministic for the same input
   */
  public static String svg(String title, List<SheetSection> sections) {
    Canvas cv = new Canvas();
    int y = MARGIN + TITLE_SIZE;
    cv.text(MARGIN, y, TITLE_SIZE, true, "#000000", shorten(title, MAX_LEGEND_NAME));
    y += LINE + 6;
    for (SheetSection s : sections) {
      y = section(cv, y, s);
    }
    return cv.document(y - LINE + MARGIN);
  }

  private static int section(Canvas cv, int top, SheetSection s) {
    int y = top + HEADING_SIZE;
    cv.text(MARGIN, y, HEADING_SIZE, true, "#000000", shorten(s.heading(), MAX_LEGEND_NAME));
    for (String note : s.notes()) {
      y += LINE;
      cv.text(MARGIN, y, SIZE, false, "#444444", "(" + shorten(note, MAX_LEGEND_NAME) + ")");
    }
    y += LINE + 4;

    // Zones in order of first appearance; without zones one group with no band heading.
    Map<String, List<Integer>> zones = new LinkedHashMap<>();
    for (int i = 0; i < s.hostNames().size(); i++) {
      zones.computeIfAbsent(s.hostZones().isEmpty() ? "" : s.hostZones().get(i), k -> new ArrayList<>()).add(i);
    }
    boolean zoned = !s.hostZones().isEmpty();
    int inset = zoned ? 8 : 0;

    // Column geometry: the host label column, then one column per role.
    int labelX = MARGIN + inset + 6;
    double labelW = width("host", SIZE, true);
    for (String h : s.hostNames()) {
      labelW = Math.max(labelW, width(shorten(h, MAX_NAME), SIZE, false));
    }
    int nRoles = s.roles().size();
    int[] colX = new int[nRoles];
    int[] colW = new int[nRoles];
    int x = (int) Math.ceil(labelX + labelW + GAP);
    for (int c = 0; c < nRoles; c++) {
      SheetRole r = s.roles().get(c);
      int max = 0;
      for (int n : r.membersPerHost()) {
        max = Math.max(max, n);
      }
      double cell = max == 0 ? width(".", SIZE, false)
          : Math.min(max, MAX_DOTS) * DOT_PITCH + 2 + width(String.valueOf(max), SIZE, false);
      colX[c] = x;
      colW[c] = (int) Math.ceil(Math.max(cell, width(header(r), SIZE, true)));
      x += colW[c] + GAP;
    }
    int rowRight = x - GAP + 6;

    cv.text(labelX, y, SIZE, true, "#000000", "host");
    for (int c = 0; c < nRoles; c++) {
      cv.text(colX[c], y, SIZE, true, color(c), header(s.roles().get(c)));
    }
    y += 8;

    int drawn = 0;
    int notDrawn = 0;
    List<int[]> bandBoxes = new ArrayList<>();
    double zoneRight = rowRight;
    for (Map.Entry<String, List<Integer>> zone : zones.entrySet()) {
      List<Integer> hosts = zone.getValue();
      int bandTop = y;
      if (zoned) {
        y += LINE;
        zoneRight = Math.max(zoneRight, cv.text(MARGIN + inset, y, SIZE, true, "#333333", "zone "
            + shorten(zone.getKey(), MAX_NAME) + " \u00b7 " + hosts.size() + (hosts.size() == 1 ? " host" : " hosts")));
        y += 6;
      }
      int hidden = 0;
      for (int i : hosts) {
        boolean used = false;
        for (SheetRole r : s.roles()) {
          used |= r.membersPerHost().get(i) > 0;
        }
        if (!used && hosts.size() > MAX_ROWS) {
          hidden++;
          continue;
        }
        if (drawn >= MAX_HOST_ROWS) {
          notDrawn++;
          continue;
        }
        drawn++;
        cv.rect(MARGIN + inset, y + 2, rowRight - MARGIN - inset, LINE - 2, drawn % 2 == 0 ? "#f4f4f4" : "#ffffff",
            "#dddddd");
        int base = y + LINE - 5;
        cv.text(labelX, base, SIZE, false, "#000000", shorten(s.hostNames().get(i), MAX_NAME));
        for (int c = 0; c < nRoles; c++) {
          int n = s.roles().get(c).membersPerHost().get(i);
          if (n == 0) {
            cv.text(colX[c], base, SIZE, false, "#999999", ".");
            continue;
          }
          for (int m = 0; m < Math.min(n, MAX_DOTS); m++) {
            cv.circle(colX[c] + 4 + m * DOT_PITCH, base - 4, 4, color(c));
          }
          cv.text(colX[c] + Math.min(n, MAX_DOTS) * DOT_PITCH + 2, base, SIZE, false, "#000000", String.valueOf(n));
        }
        y += LINE;
      }
      if (hidden > 0) {
        y += LINE;
        zoneRight = Math.max(zoneRight, cv.text(labelX, y - 5, SIZE, false, "#666666", "\u2026 " + hidden
            + (hidden == 1 ? " more host" : " more hosts") + " without members"));
      }
      if (zoned) {
        y += 6;
        bandBoxes.add(new int[] {bandTop + 2, y - bandTop - 2});
        y += 4;
      }
    }
    for (int[] b : bandBoxes) {
      cv.band(MARGIN, b[0], (int) Math.ceil(zoneRight) + inset - MARGIN, b[1]);
    }
    if (notDrawn > 0) {
      y += LINE;
      cv.text(labelX, y - 5, SIZE, false, "#666666", "\u2026 " + notDrawn + " more hosts with members, not drawn"
          + " (at most " + MAX_HOST_ROWS + " rows)");
    }
    if (s.moreHosts() > 0) {
      StringBuilder sums = new StringBuilder();
      for (SheetRole r : s.roles()) {
        sums.append(sums.length() == 0 ? "" : ", ").append(shorten(r.name(), MAX_HEADER)).append(' ')
            .append(r.membersOnMoreHosts());
      }
      y += LINE;
      cv.text(labelX, y - 5, SIZE, false, "#666666", "\u2026 " + s.moreHosts()
          + (s.moreHosts() == 1 ? " more host" : " more hosts") + ", not listed; members there: " + sums);
    }
    y += LINE + 6;
    for (int c = 0; c < nRoles; c++) {
      SheetRole r = s.roles().get(c);
      cv.swatch(MARGIN, y - 9, color(c));
      cv.text(MARGIN + 16, y, SIZE, false, "#000000", shorten(r.name(), MAX_LEGEND_NAME) + ": " + r.policy()
          + String.format(Locale.ROOT, "; worst case %d, expected %d per host after rollouts", r.worstCasePerHost(),
          r.expectedPerHost()));
      y += LINE;
    }
    return y + LINE;
  }

  private static String header(SheetRole r) {
    return shorten(r.name(), MAX_HEADER);
  }

  private static String color(int c) {
    return COLORS[c % COLORS.length];
  }

  /**
   * The width of a text in DejaVu Sans, as this renderer reserves it: the font's advances plus 3% and
   * one pixel for kerning and hinting.
   *
   * @param s the text, as drawn (after {@link #quote})
   * @param size the font size in pixels
   * @param bold whether bold
   * @return the width in pixels, never less than the browser's
   */
  public static double width(String s, int size, boolean bold) {
    long units = 0;
    int[] table = bold ? BOLD : REGULAR;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      units += cp >= 0x20 && cp < 0x7f ? table[cp - 0x20] : OTHER;
      i += Character.charCount(cp);
    }
    return units * size / 2048.0 * 1.03 + 1;
  }

  /**
   * Makes a name safe to show: control characters, bidirectional controls, unpaired surrogates and
   * other invisible or format code points become visible {@code \\uXXXX} escapes (a backslash itself
   * is doubled), so a name can neither move a terminal's cursor nor reorder what is around it.
   *
   * @param s the name
   * @return the name as shown
   */
  public static String quote(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      boolean bad = cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || Character.getType(cp) == Character.FORMAT
          || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED
          || Character.getType(cp) == Character.LINE_SEPARATOR || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
          || Character.getType(cp) == Character.PRIVATE_USE || cp == 0xfffe || cp == 0xffff;
      if (bad || cp == '\\') {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        if (cp == '\\') {
          sb.append("\\\\");
        } else {
          for (int k = 0; k < n; k++) {
            sb.append(String.format(Locale.ROOT, "\\u%04X", (int) s.charAt(i + k)));
          }
        }
      } else if (sb != null) {
        sb.appendCodePoint(cp);
      }
      i += n;
    }
    return sb == null ? s : sb.toString();
  }

  /** Quotes, then shortens to at most {@code max} code points with an ellipsis. */
  private static String shorten(String s, int max) {
    String q = quote(s);
    if (q.codePointCount(0, q.length()) <= max) {
      return q;
    }
    return q.substring(0, q.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  /** Collects the drawing and the rightmost extent of everything drawn. */
  private static final class Canvas {
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder bands = new StringBuilder();
    double right;

    double text(int x, int y, int size, boolean bold, String fill, String s) {
      body.append("  <text x=\"").append(x).append("\" y=\"").append(y).append('"');
      if (size != SIZE) {
        body.append(" font-size=\"").append(size).append('"');
      }
      if (bold) {
        body.append(" font-weight=\"bold\"");
      }
      if (!fill.equals("#000000")) {
        body.append(" fill=\"").append(fill).append('"');
      }
      body.append('>').append(esc(s)).append("</text>\n");
      double end = x + width(s, size, bold);
      right = Math.max(right, end);
      return end;
    }

    void rect(int x, int y, int w, int h, String fill, String stroke) {
      body.append("  <rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w)
          .append("\" height=\"").append(h).append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
          .append("\"/>\n");
      right = Math.max(right, x + w + 1);
    }

    void band(int x, int y, int w, int h) {
      bands.append("  <rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w)
          .append("\" height=\"").append(h).append("\" rx=\"6\" fill=\"#eef4fb\" stroke=\"#9bb7d4\"/>\n");
      right = Math.max(right, x + w + 1);
    }

    /** A legend's colour key: a small rounded square (dots stay one per member). */
    void swatch(int x, int y, String fill) {
      body.append("  <rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" rx=\"2\"")
          .append(" fill=\"").append(fill).append("\"/>\n");
      right = Math.max(right, x + 11);
    }

    void circle(int cx, int cy, int r, String fill) {
      body.append("  <circle cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"").append(r)
          .append("\" fill=\"").append(fill).append("\"/>\n");
      right = Math.max(right, cx + r + 1);
    }

    String document(int height) {
      int width = (int) Math.ceil(right) + MARGIN;
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
          + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"" + FONT_FAMILY + "\" font-size=\"" + SIZE
          + "\">\n  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + bands + body + "</svg>\n";
    }
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
