package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.plan.PlacementMap;
import io.clusterstacks.core.plan.PlacementMap.RoleColumn;
import io.clusterstacks.core.plan.PlacementMap.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link PlacementMap} as text and SVG. */
public final class PlacementRenderer {

  private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};
  private static final int MAX_ROWS = 12;

  private PlacementRenderer() {}

  /**
   * Renders the text table.
   *
   * @param map the map
   * @return the table
   */
  public static String text(PlacementMap map) {
    StringBuilder sb = new StringBuilder();
    for (Section s : map.sections()) {
      sb.append("Hypervisors ").append(s.hostClass().map(c -> "of class " + c + ": ").orElse(": ")).append(s.hosts())
          .append('\n');
      List<String> header = new ArrayList<>();
      header.add("host");
      for (RoleColumn c : s.roles()) {
        header.add(c.role());
      }
      List<List<String>> rows = new ArrayList<>();
      List<Integer> shown = rowsToShow(s);
      for (int i : shown) {
        List<String> row = new ArrayList<>();
        row.add(s.hostNames().get(i));
        for (RoleColumn c : s.roles()) {
          int n = c.membersPerHost().get(i);
          row.add(n == 0 ? "." : "#".repeat(Math.min(n, 8)) + " " + n);
        }
        rows.add(row);
      }
      int hidden = s.hostNames().size() - shown.size();
      List<String> worst = new ArrayList<>();
      worst.add("worst case/host");
      List<String> expected = new ArrayList<>();
      expected.add("expected/host");
      List<String> policy = new ArrayList<>();
      policy.add("policy");
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
      if (s.hosts().knowledge() == HostKnowledge.LOWER_BOUND) {
        sb.append("(at least ").append(s.hosts().count()).append(" hosts; there may be more)\n");
      }
      sb.append(rule.toString().stripTrailing()).append('\n');
      line(sb, worst, width);
      line(sb, expected, width);
      for (int i = 1; i < policy.size(); i++) {
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
      if ((used || s.hostNames().size() <= MAX_ROWS) && out.size() < Math.max(MAX_ROWS, 64)) {
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
   * Renders the SVG document.
   *
   * @param map the map
   * @return the SVG
   */
  public static String svg(PlacementMap map) {
    int rowH = 28;
    int labelW = 170;
    int colW = 150;
    int maxCols = 1;
    int totalRows = 0;
    for (Section s : map.sections()) {
      maxCols = Math.max(maxCols, s.roles().size());
      totalRows += rowsToShow(s).size() + 4;
    }
    int width = labelW + colW * maxCols + 20;
    int height = totalRows * rowH + 20;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    sb.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    int y = 20;
    for (Section s : map.sections()) {
      sb.append("  <text x=\"10\" y=\"").append(y).append("\" font-weight=\"bold\">")
          .append(esc("Hypervisors " + s.hostClass().map(c -> "of class " + c + ": ").orElse(": ") + s.hosts()))
          .append("</text>\n");
      y += rowH;
      for (int c = 0; c < s.roles().size(); c++) {
        RoleColumn col = s.roles().get(c);
        sb.append("  <text x=\"").append(labelW + c * colW).append("\" y=\"").append(y).append("\" fill=\"")
            .append(COLORS[c % COLORS.length]).append("\">").append(esc(col.role() + " (" + col.policy() + ")"))
            .append("</text>\n");
      }
      y += 8;
      for (int i : rowsToShow(s)) {
        sb.append("  <g>\n    <rect x=\"10\" y=\"").append(y).append("\" width=\"").append(width - 20).append("\" height=\"")
            .append(rowH - 6).append("\" fill=\"#f2f2f2\" stroke=\"#cccccc\"/>\n");
        sb.append("    <text x=\"16\" y=\"").append(y + 16).append("\">").append(esc(s.hostNames().get(i))).append("</text>\n");
        for (int c = 0; c < s.roles().size(); c++) {
          int n = s.roles().get(c).membersPerHost().get(i);
          for (int m = 0; m < Math.min(n, 12); m++) {
            sb.append("    <circle cx=\"").append(labelW + c * colW + 8 + m * 12).append("\" cy=\"").append(y + 11)
                .append("\" r=\"5\" fill=\"").append(COLORS[c % COLORS.length]).append("\"/>\n");
          }
          if (n > 12) {
            sb.append("    <text x=\"").append(labelW + c * colW + 8 + 12 * 12).append("\" y=\"").append(y + 16).append("\">+")
                .append(n - 12).append("</text>\n");
          }
        }
        sb.append("  </g>\n");
        y += rowH;
      }
      for (int c = 0; c < s.roles().size(); c++) {
        RoleColumn col = s.roles().get(c);
        sb.append("  <text x=\"").append(labelW + c * colW).append("\" y=\"").append(y + 4).append("\">")
            .append(esc(String.format(Locale.ROOT, "worst %d, expected %d per host", col.worstCasePerHost(), col.expectedPerHost())))
            .append("</text>\n");
      }
      y += rowH * 2;
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
