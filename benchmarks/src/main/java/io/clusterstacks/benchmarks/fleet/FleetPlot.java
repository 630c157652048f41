package io.clusterstacks.benchmarks.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A hand-written SVG of the fleet benchmark: left, wall time against replicas (both logarithmic); middle,
 * workers used over the lower bound against replicas; right, the busiest hypervisor's replicas over the
 * hypervisor-load bound (both quality panels feasible results only, the right one clipped at 4). One colour per solver;
 * filled marks are tight instances, hollow ones loose; the line joins each solver's medians per size.
 */
final class FleetPlot {
  private static final String[] COLOURS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a"};
  private static final int W = 440;
  private static final int H = 300;
  private static final int M = 55;

  private FleetPlot() {}

  static String svg(List<FleetBenchmark.Row> rows) {
    Map<String, String> colour = new LinkedHashMap<>();
    for (FleetBenchmark.Row r : rows) {
      colour.computeIfAbsent(r.solver(), k -> COLOURS[colour.size() % COLOURS.length]);
    }
    double xMin = Math.log10(10);
    double xMax = Math.log10(rows.stream().mapToInt(r -> r.instance().replicaCount()).max().orElse(100) * 2.0);
    double tMin = -1;
    double tMax = Math.ceil(Math.log10(Math.max(10, rows.stream().mapToDouble(r -> r.nanos() / 1e6).max().orElse(10))));
    double qMax = Math.max(1.5, Math.ceil(rows.stream().filter(FleetBenchmark.Row::feasible)
        .mapToDouble(FleetPlot::quality).max().orElse(1.5) * 10) / 10);
    double hMax = Math.min(4.0, Math.max(1.5, Math.ceil(rows.stream().filter(FleetBenchmark.Row::feasible)
        .mapToDouble(FleetPlot::hvQuality).max().orElse(1.5) * 2) / 2));
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "font-family=\"sans-serif\" font-size=\"11\">%n", 3 * W + 40, H + 60));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    panel(b, 0, "wall time, ms (log)", rows, r -> Math.log10(Math.max(0.1, r.nanos() / 1e6)), tMin, tMax, true, colour,
        xMin, xMax, false);
    panel(b, W + 20, "workers used / lower bound (feasible only)", rows, FleetPlot::quality, 1.0, qMax, false, colour,
        xMin, xMax, true);
    panel(b, 2 * W + 40, "busiest hypervisor's replicas / bound (feasible only)", rows, FleetPlot::hvQuality, 1.0, hMax,
        false, colour, xMin, xMax, true);
    int lx = 60;
    for (Map.Entry<String, String> e : colour.entrySet()) {
      b.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s"
          + "</text>%n", lx, H + 45, e.getValue(), lx + 8, H + 49, e.getKey()));
      lx += 150;
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">filled: tight, hollow: loose; line: median per size"
        + "</text>%n", lx, H + 49));
    b.append("</svg>\n");
    return b.toString();
  }

  private static double quality(FleetBenchmark.Row r) {
    return (double) r.workersUsed() / Math.max(1, r.bounds().workers());
  }

  private static double hvQuality(FleetBenchmark.Row r) {
    return (double) r.maxHypervisorLoad() / Math.max(1, r.bounds().hypervisorLoad());
  }

  private static void panel(StringBuilder b, int ox, String title, List<FleetBenchmark.Row> rows,
      ToDoubleFunction<FleetBenchmark.Row> y, double yMin, double yMax, boolean logY, Map<String, String> colour,
      double xMin, double xMax, boolean feasibleOnly) {
    int x0 = ox + M;
    int x1 = ox + W - 10;
    int y0 = H;
    int y1 = 25;
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"15\" font-weight=\"bold\">%s</text>%n", x0, title));
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
        + "stroke=\"#888\"/>%n", x0, y1, x1 - x0, y0 - y1));
    for (int e = (int) Math.ceil(xMin); e <= xMax; e++) {
      double px = x0 + (e - xMin) / (xMax - xMin) * (x1 - x0);
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, y1, px, y0, px, y0 + 14,
          String.format(Locale.ROOT, "%,d", (long) Math.pow(10, e))));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">replicas (log)</text>%n",
        (x0 + x1) / 2, y0 + 28));
    double step = logY ? 1 : yMax - yMin > 1.5 ? 0.5 : 0.1;
    for (double v = yMin; v <= yMax + 1e-9; v += step) {
      double py = y0 - (v - yMin) / (yMax - yMin) * (y0 - y1);
      String label = logY ? fmt(Math.pow(10, v)) : String.format(Locale.ROOT, "%.1f", v);
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", x0, py, x1, py, x0 - 4, py + 4, label));
    }
    for (Map.Entry<String, String> e : colour.entrySet()) {
      Map<Integer, List<Double>> perSize = new TreeMap<>();
      for (FleetBenchmark.Row r : rows) {
        if (!r.solver().equals(e.getKey()) || (feasibleOnly && !r.feasible())) {
          continue;
        }
        int n = r.instance().replicaCount();
        double px = x0 + (Math.log10(n) - xMin) / (xMax - xMin) * (x1 - x0);
        double v = y.applyAsDouble(r);
        double py = y0 - (Math.min(v, yMax) - yMin) / (yMax - yMin) * (y0 - y1);
        boolean tight = r.instance().spec().capacity() == InstanceGenerator.Capacity.TIGHT;
        b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" stroke=\"%s\" fill=\"%s\"/>%n",
            px, py, e.getValue(), tight ? e.getValue() : "none"));
        perSize.computeIfAbsent(r.instance().spec().tenants(), k -> new ArrayList<>()).add(v);
      }
      StringBuilder pts = new StringBuilder();
      for (FleetBenchmark.Row r : rows) {
        // one median point per size, in the order sizes first appear
        if (!r.solver().equals(e.getKey())) {
          continue;
        }
        List<Double> vs = perSize.remove(r.instance().spec().tenants());
        if (vs == null) {
          continue;
        }
        double[] a = vs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (a.length == 0) {
          continue;
        }
        double med = a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
        double px = x0 + (Math.log10(r.instance().replicaCount()) - xMin) / (xMax - xMin) * (x1 - x0);
        double py = y0 - (Math.min(med, yMax) - yMin) / (yMax - yMin) * (y0 - y1);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
      }
      b.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
          pts.toString().trim(), e.getValue()));
    }
  }

  private static String fmt(double ms) {
    if (ms >= 1000) {
      return String.format(Locale.ROOT, "%.0f s", ms / 1000);
    }
    return ms >= 1 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
  }
}
