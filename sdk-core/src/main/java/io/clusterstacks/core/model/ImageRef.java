package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which image a role's machines boot: a Glance image found by name, a Glance image ID, an existing
 * ORC {@code Image} object, or an ORC {@code Image} the SDK renders so that ORC uploads it.
 *
 * <p>CAPO's {@code image} field takes exactly one of {@code filter}, {@code id} and {@code imageRef};
 * each case here renders one of them.
 */
public sealed interface ImageRef {

  /**
   * A Glance image found by exact name ({@code image.filter.name}); it must exist and be unique.
   *
   * @param name e.g. {@code ubuntu-capi-image-v1.33.4}
   * @return the reference
   */
  static ImageRef glanceName(String name) {
    return new GlanceName(name);
  }

  /**
   * A Glance image by ID ({@code image.id}; raw mode only, SCS ClusterClasses take names).
   *
   * @param id the Glance image ID
   * @return the reference
   */
  static ImageRef glanceId(String id) {
    return new GlanceId(id);
  }

  /**
   * An ORC {@code Image} object that already exists in the cluster's namespace ({@code image.imageRef.name}).
   *
   * @param name the ORC Image object name
   * @return the reference
   */
  static ImageRef orc(String name) {
    return new OrcRef(name);
  }

  /**
   * An ORC {@code Image} the SDK renders (URL and checksum), referenced by {@code image.imageRef.name}.
   *
   * @param image the image to create
   * @return the reference
   */
  static ImageRef orcToCreate(OrcImage image) {
    return new OrcCreate(image);
  }

  /**
   * The name (or ID) by which machines find the image.
   *
   * @return the Glance name, the Glance ID or the ORC object name
   */
  String value();

  /**
   * A Glance image by name.
   *
   * @param value the image name, never blank
   */
  record GlanceName(String value) implements ImageRef {
    /**
     * Checks the name.
     *
     * @param value the image name
     */
    public GlanceName {
      InvalidInputException.requireArgument(value, "name");
      List<Problem> p = new ArrayList<>();
      Names.checkText("image.filter.name", value, 255, "the Glance image name", p);
      InvalidInputException.throwIfAny(p);
    }
  }

  /**
   * A Glance image by ID.
   *
   * @param value the image ID, a UUID
   */
  record GlanceId(String value) implements ImageRef {
    private static final Pattern UUID =
        Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /**
     * Checks the ID.
     *
     * @param value the image ID
     */
    public GlanceId {
      InvalidInputException.requireArgument(value, "id");
      if (!UUID.matcher(value).matches()) {
        throw new InvalidInputException(List.of(Problem.of("image.id", Names.escaped(value),
            "give the Glance image ID, a UUID such as 3f2a1b4c-0d5e-4f60-8a71-92b3c4d5e6f7, or use ImageRef.glanceName")));
      }
    }
  }

  /**
   * An existing ORC Image.
   *
   * @param value the ORC object name, never blank
   */
  record OrcRef(String value) implements ImageRef {
    /**
     * Checks the name.
     *
     * @param value the ORC object name
     */
    public OrcRef {
      InvalidInputException.requireArgument(value, "name");
      if (!Names.isDns1123Subdomain(value)) {
        throw new InvalidInputException(List.of(Problem.of("image.imageRef.name", Names.escaped(value),
            "give the ORC Image object's name: a DNS-1123 name (lower case, digits, '-' and '.')")));
      }
    }
  }

  /**
   * An ORC Image to create.
   *
   * @param image the image definition
   */
  record OrcCreate(OrcImage image) implements ImageRef {
    /**
     * Checks presence.
     *
     * @param image the image definition
     */
    public OrcCreate {
      InvalidInputException.requireArgument(image, "image");
    }

    @Override
    public String value() {
      return image.name();
    }
  }
}
