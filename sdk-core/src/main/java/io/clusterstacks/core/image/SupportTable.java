package io.clusterstacks.core.image;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.StackGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Which image strategy works with which stack dialect in which output mode, in code; {@link #toMarkdown()}
 * renders the table the documentation shows.
 */
@Value.Immutable
@SdkStyle
public abstract class SupportTable {

  SupportTable() {}

  /**
   * The dialect × mode columns, in order.
   *
   * @return the columns
   */
  public abstract List<Column> columns();

  /**
   * One row per strategy variant.
   *
   * @return the rows
   */
  public abstract List<Row> rows();

  /** Checks that every row has one cell per column. */
  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    for (int i = 0; i < rows().size(); i++) {
      if (rows().get(i).cells().size() != columns().size()) {
        p.add(Problem.of("supportTable.rows[" + i + "].cells", rows().get(i).cells().size() + " cells",
            "give one cell per column (" + columns().size() + ")"));
      }
    }
    InvalidInputException.throwIfAny(p);
  }

  /**
   * One column: a stack generation (or none) in an output mode.
   */
  @Value.Immutable
  @SdkStyle
  public abstract static class Column {

    Column() {}

    /**
     * The generation.
     *
     * @return the generation, or empty for raw CAPI mode without a stack
     */
    public abstract Optional<StackGeneration> generation();

    /**
     * The output mode.
     *
     * @return the mode
     */
    public abstract OutputMode mode();

    /**
     * A column.
     *
     * @param generation the generation, or empty
     * @param mode the mode
     * @return the column
     */
    public static Column of(Optional<StackGeneration> generation, OutputMode mode) {
      return builder().generation(InvalidInputException.requireArgument(generation, "generation")).mode(mode).build();
    }

    /**
     * The column heading.
     *
     * @return e.g. {@code scs2 topology}
     */
    public String heading() {
      return generation().map(StackGeneration::stackName).orElse("no stack") + " "
          + (mode() == OutputMode.TOPOLOGY ? "topology" : "raw CAPI");
    }

    /**
     * A column built by a function.
     *
     * @param spec sets the attributes on a builder
     * @return the column
     */
    public static Column of(Consumer<Builder> spec) {
      Builder b = builder();
      spec.accept(b);
      return b.build();
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * A builder holding this column's attributes.
     *
     * @return the builder
     */
    public Builder toBuilder() {
      return builder().from(this);
    }

    /** Builds a {@link Column}; {@link #build()} reports every missing attribute at once. */
    public static final class Builder extends ImmutableColumn.Builder {
      Builder() {}
    }
  }

  /**
   * One strategy variant and its support per column.
   */
  @Value.Immutable
  @SdkStyle
  public abstract static class Row {

    Row() {}

    /**
     * The strategy label.
     *
     * @return e.g. {@code capi-image (Glance image ID)}
     */
    public abstract String strategy();

    /**
     * What it does.
     *
     * @return the description
     */
    public abstract String description();

    /**
     * The support per column, in column order.
     *
     * @return the cells
     */
    public abstract List<ImageSupport> cells();

    /**
     * A row built by a function.
     *
     * @param spec sets the attributes on a builder
     * @return the row
     */
    public static Row of(Consumer<Builder> spec) {
      Builder b = builder();
      spec.accept(b);
      return b.build();
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * A builder holding this row's attributes.
     *
     * @return the builder
     */
    public Builder toBuilder() {
      return builder().from(this);
    }

    /** Builds a {@link Row}; {@link #build()} reports every missing attribute at once. */
    public static final class Builder extends ImmutableRow.Builder {
      Builder() {}
    }
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
      cols.add(Column.of(Optional.of(g), OutputMode.TOPOLOGY));
      cols.add(Column.of(Optional.of(g), OutputMode.RAW_CAPI));
    }
    cols.add(Column.of(Optional.empty(), OutputMode.RAW_CAPI));
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
    InvalidInputException.requireArgument(strategies, "strategies");
    List<Column> cols = standardColumns();
    Builder table = builder().columns(cols);
    for (ImageStrategy s : strategies) {
      Row.Builder row = Row.builder().strategy(s.label()).description(s.description());
      for (Column c : cols) {
        row.addCells(ImageStrategies.effectiveSupport(s, c.generation(), c.mode()));
      }
      table.addRows(row.build());
    }
    return table.build();
  }

  /**
   * The support of one strategy in one column.
   *
   * @param strategy the row label
   * @param generation the generation, or empty
   * @param mode the mode
   * @return the support
   * @throws InvalidInputException when the row or column does not exist
   */
  public ImageSupport get(String strategy, Optional<StackGeneration> generation, OutputMode mode) {
    InvalidInputException.requireArgument(strategy, "strategy");
    Column column = Column.of(generation, mode);
    int c = columns().indexOf(column);
    for (Row r : rows()) {
      if (r.strategy().equals(strategy) && c >= 0) {
        return r.cells().get(c);
      }
    }
    List<String> labels = rows().stream().map(Row::strategy).toList();
    throw new InvalidInputException(List.of(Problem.of("strategy", strategy + " / " + column.heading(),
        c < 0 ? "use one of the columns " + columns().stream().map(Column::heading).toList()
            : "use one of the strategies " + labels)));
  }

  /**
   * A table built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the table
   */
  public static SupportTable of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this table's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The table as GitHub Markdown: ✓ supported, "raw only" (topology cannot express it; the SDK switches
   * to raw CAPI mode when allowed), ✗ unsupported.
   *
   * @return the Markdown table, one line per row
   */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder("| strategy |");
    for (Column c : columns()) {
      sb.append(' ').append(c.heading()).append(" |");
    }
    sb.append('\n').append("|---|");
    sb.append("---|".repeat(columns().size())).append('\n');
    for (Row r : rows()) {
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

  /** Builds a {@link SupportTable}; {@link #build()} reports every problem at once. */
  public static final class Builder extends ImmutableSupportTable.Builder {
    Builder() {}
  }
}
