package io.clusterstacks.core.cloud;

import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.internal.CloudProfileJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes cloud profiles as JSON, and hands out the bundled profiles.
 *
 * <p>Bundled profiles ship inside the jar:
 * <ul>
 *   <li>{@code scs-reference}: every scs-0103 mandatory and recommended flavor, the scs-0104 standard
 *       images (incl. {@code ubuntu-capi-image-v<k8s>} for the current stack releases), 3 hypervisors
 *       (exact), one availability zone, Nova's default quotas;</li>
 *   <li>{@code two-hypervisors}: a small cloud in the style of pluscloud open with 2 hypervisors, local-SSD
 *       flavors marked {@code aggregate_instance_extra_specs:localdisk} and the
 *       {@code ps_restart_after_maint} maintenance opt-in;</li>
 *   <li>{@code large-multi-az}: 3 availability zones, 24 hypervisors of which 6 serve the local-SSD
 *       flavors, raised quotas.</li>
 * </ul>
 */
public final class CloudProfiles {

  private static final List<String> BUNDLED = List.of("scs-reference", "two-hypervisors", "large-multi-az");
  private static final Map<String, CloudProfile> CACHE = new ConcurrentHashMap<>();

  private CloudProfiles() {}

  /**
   * The names of the bundled profiles.
   *
   * @return the names, in a fixed order
   */
  public static List<String> bundledNames() {
    return BUNDLED;
  }

  /**
   * Loads a bundled profile by name.
   *
   * @param name one of {@link #bundledNames()}
   * @return the profile
   * @throws InvalidInputException when no bundled profile has this name (the problem lists the names)
   */
  public static CloudProfile bundled(String name) {
    InvalidInputException.requireArgument(name, "name");
    if (!BUNDLED.contains(name)) {
      throw new InvalidInputException(List.of(Problem.of("name", Names.escaped(name), "use one of the bundled profiles "
          + BUNDLED)));
    }
    return CACHE.computeIfAbsent(name, n -> {
      String resource = "profiles/" + n + ".json";
      try (InputStream in = CloudProfiles.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new ClusterStacksException("bundled cloud profile '" + n + "': resource " + resource
              + " is missing from the jar; rebuild sdk-core");
        }
        return CloudProfileJson.read(in, "bundled profile " + n);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Reads a profile from JSON.
   *
   * @param in the JSON (not closed)
   * @return the profile
   * @throws InvalidInputException listing every problem with its path, value and fix
   */
  public static CloudProfile read(InputStream in) {
    InvalidInputException.requireArgument(in, "in");
    return CloudProfileJson.read(in, "input stream");
  }

  /**
   * Reads a profile from a JSON string.
   *
   * @param json the JSON text
   * @return the profile
   * @throws InvalidInputException listing every problem with its path, value and fix
   */
  public static CloudProfile fromJson(String json) {
    InvalidInputException.requireArgument(json, "json");
    return CloudProfileJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "string");
  }

  /**
   * Reads a profile from a JSON file.
   *
   * @param file the file
   * @return the profile
   * @throws InvalidInputException listing every problem with its path, value and fix
   */
  public static CloudProfile read(Path file) {
    InvalidInputException.requireArgument(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return CloudProfileJson.read(in, file.toString());
    } catch (IOException e) {
      throw new InvalidInputException(List.of(Problem.of("file", Names.escaped(file.toString()),
          "give a readable cloud-profile JSON file; it could not be read (" + e.getClass().getSimpleName()
              + "): check the path and permissions")), e);
    }
  }

  /**
   * Writes a profile as indented JSON with a stable field order; reading it back gives an equal profile.
   *
   * @param profile the profile
   * @return the JSON text
   */
  public static String toJson(CloudProfile profile) {
    InvalidInputException.requireArgument(profile, "profile");
    return CloudProfileJson.write(profile);
  }
}
