package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;

/** The flavor of a role's machines: by name (e.g. {@code SCS-2V-4-20s}) or by Nova flavor ID. */
public sealed interface FlavorRef {

  /**
   * A flavor by name.
   *
   * @param name e.g. {@code SCS-2V-4-20s}
   * @return the reference
   */
  static FlavorRef byName(String name) {
    return new ByName(name);
  }

  /**
   * A flavor by ID (raw mode only: SCS ClusterClasses take flavor names).
   *
   * @param id the Nova flavor ID
   * @return the reference
   */
  static FlavorRef byId(String id) {
    return new ById(id);
  }

  /**
   * The name or ID as given.
   *
   * @return the value
   */
  String value();

  /**
   * A flavor by name.
   *
   * @param value the flavor name, never blank
   */
  record ByName(String value) implements FlavorRef {
    /**
     * Checks the name.
     *
     * @param value the flavor name
     */
    public ByName {
      InvalidInputException.requireArgument(value, "name");
      List<Problem> p = new ArrayList<>();
      Names.checkText("flavor", value, 255, "a flavor name such as SCS-2V-4-20s", p);
      InvalidInputException.throwIfAny(p);
    }
  }

  /**
   * A flavor by ID.
   *
   * @param value the flavor ID, never blank
   */
  record ById(String value) implements FlavorRef {
    /**
     * Checks the ID.
     *
     * @param value the flavor ID
     */
    public ById {
      InvalidInputException.requireArgument(value, "id");
      List<Problem> p = new ArrayList<>();
      Names.checkText("flavorID", value, 255, "the Nova flavor ID (or use FlavorRef.byName)", p);
      InvalidInputException.throwIfAny(p);
    }
  }
}
