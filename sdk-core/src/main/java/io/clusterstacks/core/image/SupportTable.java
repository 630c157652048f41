package io.clusterstacks.core.image;

import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.StackGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which image strategy works with which stack dialect in which output mode, in code; {@link #toMarkdown()}
 * renders the table the documentation shows.
 *
 * @param columns the dialect × mode columns, in order
 * @param rows one row per strategy variant
 */
public record SupportTable(List<Column> columns, List<Row> rows) {

  /**
   * One column: a stack generation (or none) in an output mode.
   *
   * @param generation the generation, or empty for raw CAPI mode without a stack
   * @param mode the output mode
   */
  public record Column(Optional<StackGeneration> generation, OutputMode mode) {
    /**
     * Checks presence.
     *
     * @param generation the generation, if any
     * @param mode the mode
     */
    public Column {
      Objects.requireNonNull(generation, "generation");
      Objects.requireNonNull(mode, "mode");
    }

    /**
     * The column heading.
     *
     * @return e.g. {@code scs2 topology}
     */
    public String heading() {
      return generation.map(StackGeneration::stackName).orElse("no stack") + " "
          + (mode == OutputMode.TOPOLOGY ? "topology" : "raw CAPI");
    }
  }

  /**
   * One strategy variant and its support per column.
   *
   * @param strategy the strategy label, e.g. {@code capi-image (Glance image ID)}
   * @param description what it does
   * @param cells the support per column, in column order
   */
  public record Row(String strategy, String description, List<ImageSupport> cells) {
    /**
     * Copies the cells.
     *
     * @param strategy the label
     * @param description the description
     * @param cells the support per column
     */
    public Row {
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(description, "description");
      cells = List.copyOf(cells);
    }
  }

  /**
   * Copies the lists.
   *
   * @param columns the columns
   * @param rows the rows
   */
  public SupportTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * The standard columns: scs, scs2 and kamaji in topology and raw CAPI mode, then raw CAPI mode
   * without a stack.
   *
   * @return the columns
   */
  public static List<Column> standardColumns() {
    List<Column> cols = new ArrayList<>();
    for (StackGeneration g : StackGeneration.values()) {
      cols.add(new Column(Optional.of(g), OutputMode.TOPOLOGY));
      cols.add(new Column(Optional.of(g), OutputMode.RAW_CAPI));
    }
    cols.add(new Column(Optional.empty(), OutputMode.RAW_CAPI));
    return cols;
  }

  /**
   * Builds the table for some strategies from their effective support
   * ({@link ImageStrategies#effectiveSupport(ImageStrategy, Optional, OutputMode)}).
   *
   * @param strategies the strategies, one row each
   * @return the table
   */
  public static SupportTable of(List<ImageStrategy> strategies) {
    List<Column> cols = standardColumns();
    List<Row> rows = new ArrayList<>();
    for (ImageStrategy s : strategies) {
      List<ImageSupport> cells = new ArrayList<>();
      for (Column c : cols) {
        cells.add(ImageStrategies.effectiveSupport(s, c.generation(), c.mode()));
      }
      rows.add(new Row(s.label(), s.description(), cells));
    }
    return new SupportTable(cols, rows);
  }

  /**
   * The support of one strategy in one column.
   *
   * @param strategy the row label
   * @param generation the generation, or empty
   * @param mode the mode
   * @return the support
   * @throws IllegalArgumentException when the row or column does not exist
   */
  public ImageSupport get(String strategy, Optional<StackGeneration> generation, OutputMode mode) {
    int c = columns.indexOf(new Column(generation, mode));
    for (Row r : rows) {
      if (r.strategy().equals(strategy) && c >= 0) {
        return r.cells().get(c);
      }
    }
    throw new IllegalArgumentException("no cell for " + strategy + " / " + generation + " / " + mode);
  }

  /**
   * The table as GitHub Markdown: ✓ supported, "raw only" (topology cannot express it; the SDK switches
   * to raw CAPI mode when allowed), ✗ unsupported.
   *
   * @return the Markdown table, one line per row
   */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder("| strategy |");
    for (Column c : columns) {
      sb.append(' ').append(c.heading()).append(" |");
    }
    sb.append('\n').append("|---|");
    sb.append("---|".repeat(columns.size())).append('\n');
    for (Row r : rows) {
      sb.append("| ").append(r.strategy()).append(" |");
      for (ImageSupport s : r.cells()) {
        sb.append(' ').append(symbol(s)).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String symbol(ImageSupport s) {
    return switch (s) {
      case SUPPORTED -> "✓";
      case RAW_CAPI_ONLY -> "raw only";
      case UNSUPPORTED -> "✗";
    };
  }
}
