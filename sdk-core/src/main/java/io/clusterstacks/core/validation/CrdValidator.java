package io.clusterstacks.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.StackRelease;
import io.clusterstacks.core.internal.YamlDocuments;
import io.clusterstacks.core.validation.internal.Bundles;
import io.clusterstacks.core.validation.internal.DocumentTrees;
import io.clusterstacks.core.validation.internal.ValidationEngine;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates Kubernetes manifests offline, as strictly as a management cluster's API server with
 * {@code fieldValidation=Strict} plus the admission rules that matter for cluster stacks.
 *
 * <p>What is checked for every document:
 * <ul>
 *   <li>{@code apiVersion} and {@code kind} name a kind the SDK bundles, in a <em>served</em> version
 *       (e.g. CAPO {@code v1alpha7} is rejected: it is {@code served: false} in CAPO v0.12.6);</li>
 *   <li>{@code metadata}: known fields only, a DNS-1123 name, a valid namespace, labels and annotations
 *       as string maps with valid keys and values;</li>
 *   <li>the body against the bundled upstream CRD schema: unknown fields are errors unless the schema
 *       preserves unknown fields, types (including int-or-string), enums, patterns, formats, lengths,
 *       bounds, item counts, list-type uniqueness, and required fields <em>after</em> schema defaults
 *       were applied (as the API server does);</li>
 *   <li>named re-implementations of the CEL and webhook rules the schemas cannot express (listed in
 *       the package documentation and in {@code docs/validation-rules.md});</li>
 *   <li>Secrets, ConfigMaps, Namespaces and ClusterResourceSets by built-in rules; any other kind is
 *       reported as {@link CheckStatus#NOT_SCHEMA_CHECKED} with a warning, never silently passed.</li>
 * </ul>
 *
 * <p>{@code null} values are handled as the API server does: a {@code null} for a field that is not
 * {@code nullable} is dropped (or replaced by the field's default) before validation, with a warning;
 * e.g. {@code topology.variables:} left empty is accepted. A {@code null} list item is a type error.
 *
 * <p>Instances are immutable and thread-safe; the bundled schemas are loaded once per process, on first
 * use, and shared by all instances.
 */
public final class CrdValidator {

  private static volatile @org.jspecify.annotations.Nullable CrdValidator strict;

  private final ValidationEngine engine;
  private final List<String> bundleNames;

  private CrdValidator(Builder b) {
    ClassLoader loader = b.classLoader != null ? b.classLoader
        : Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
        : CrdValidator.class.getClassLoader();
    Bundles.Resolved bundles = Bundles.resolve(b.bundles, b.discover ? Bundles.discover(loader) : List.of());
    this.bundleNames = bundles.names();
    Map<String, String> declared = Map.copyOf(b.releaseKubernetesVersions);
    ReleaseCatalogue catalogue = b.catalogue;
    this.engine = new ValidationEngine(className -> {
      String v = declared.get(className);
      if (v != null) {
        return Optional.of(v);
      }
      return ClusterClassName.tryParse(className).flatMap(catalogue::find).map(StackRelease::kubernetesVersion);
    }, b.unknownKindsAreViolations, bundles);
  }

  /**
   * The default strict validator: the SDK's built-in release catalogue for the CSO exact-version rule,
   * unknown kinds are warnings, and the {@link ValidationBundle}s found by {@link java.util.ServiceLoader}
   * on the thread's context class loader when first called.
   *
   * @return the shared instance
   * @throws io.clusterstacks.core.InvalidInputException when discovered bundles conflict (both named)
   */
  public static CrdValidator strict() {
    CrdValidator s = strict;
    if (s == null) {
      synchronized (CrdValidator.class) {
        s = strict;
        if (s == null) {
          s = builder().build();
          strict = s;
        }
      }
    }
    return s;
  }

  /**
   * The bundles this validator uses, explicit ones first.
   *
   * @return e.g. {@code [sdk-kamaji (io.example.KamajiBundle) (discovered)]}
   */
  public List<String> bundles() {
    return bundleNames;
  }

  /**
   * Starts a builder for a validator with options.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates one document.
   *
   * @param document the document
   * @return the report
   * @throws io.clusterstacks.core.InvalidInputException when the argument is null
   */
  public ValidationReport validate(ManifestDocument document) {
    InvalidInputException.requireArgument(document, "document");
    return validate(List.of(document));
  }

  /**
   * Validates rendered or parsed manifests (all documents together; notices are not looked at).
   *
   * @param manifests the manifests
   * @return the report
   * @throws io.clusterstacks.core.InvalidInputException when the argument is null
   */
  public ValidationReport validate(Manifests manifests) {
    InvalidInputException.requireArgument(manifests, "manifests");
    return validate(manifests.documents());
  }

  /**
   * Validates a set of documents together (cross-document rules see all of them).
   *
   * @param documents the documents in order
   * @return the report
   * @throws io.clusterstacks.core.InvalidInputException when the list or an element is null
   */
  public ValidationReport validate(List<ManifestDocument> documents) {
    InvalidInputException.requireArgument(documents, "documents");
    List<JsonNode> trees = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      ManifestDocument d = InvalidInputException.requireArgument(documents.get(i), "documents[" + i + "]");
      trees.add(DocumentTrees.of(d.toMap()));
    }
    return engine.validateOwned(trees);
  }

  /**
   * Validates a multi-document YAML text (read by the same strict reader as
   * {@link io.clusterstacks.core.manifest.ManifestParser}: aliases, merge keys, duplicate keys, NaN and
   * infinity are refused; input and nesting are bounded; messages never quote the input). Empty documents (a bare {@code ---}) are skipped and not
   * counted in document indexes, as kubectl does; a document that is not a mapping is a {@code type}
   * violation at its index, as an API server rejects such a request body; a YAML syntax error
   * (including a duplicate key) is reported as a violation with rule {@code yaml}.
   *
   * @param yaml the YAML text
   * @return the report
   */
  public ValidationReport validateYaml(String yaml) {
    InvalidInputException.requireArgument(yaml, "yaml");
    // read from the String itself, not a Reader over it: its length is known, so input above the bound
    // is refused before the YAML scanner sees it (scanning 16 MiB first took minutes)
    return report(YamlDocuments.read(yaml));
  }

  /**
   * Validates multi-document YAML read from a reader (the reader is read to its end, not closed).
   *
   * @param reader the YAML source
   * @return the report
   */
  public ValidationReport validateYaml(Reader reader) {
    InvalidInputException.requireArgument(reader, "reader");
    return report(YamlDocuments.read(reader));
  }

  private ValidationReport report(YamlDocuments.Result read) {
    List<JsonNode> docs = read.documents();
    if (read.failure().isPresent()) {
      YamlDocuments.Failure f = read.failure().get();
      ValidationReport partial = engine.validate(docs);
      return ValidationReport.builder().from(partial)
          .addViolations(Violation.builder()
              .documentIndex(docs.size())
              .kind("")
              .name("")
              // a number refused by the readers' rule names its field; a syntax error has none
              .path(f.problem() == null || f.problem().path().isEmpty() ? "<root>" : f.problem().path())
              .allowed(f.problem() == null ? "well-formed YAML without duplicate keys, aliases or merge keys"
                  : f.problem().fix())
              .rule("yaml")
              .message("YAML cannot be read at " + f.where() + ": " + f.message())
              .build())
          .build();
    }
    return engine.validate(docs);
  }

  /**
   * Validates a multi-document YAML file.
   *
   * @param file the file (UTF-8)
   * @return the report
   * @throws InvalidInputException when the file cannot be read
   */
  public ValidationReport validateYaml(Path file) {
    InvalidInputException.requireArgument(file, "file");
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return validateYaml(r);
    } catch (IOException e) {
      throw new InvalidInputException(List.of(Problem.of("file", file.toString(),
          "pass a readable UTF-8 file (" + e.getClass().getSimpleName() + ")")), e);
    }
  }

  private static Reader nonClosing(Reader r) {
    return new java.io.FilterReader(r) {
      @Override
      public void close() {
        // the caller owns the reader
      }
    };
  }

  /** Options for a {@link CrdValidator}. */
  public static final class Builder {
    private final Map<String, String> releaseKubernetesVersions = new LinkedHashMap<>();
    private ReleaseCatalogue catalogue = ReleaseCatalogue.builtIn();
    private boolean unknownKindsAreViolations;
    private final List<ValidationBundle> bundles = new ArrayList<>();
    private boolean discover = true;
    private @org.jspecify.annotations.Nullable ClassLoader classLoader;

    private Builder() {}

    /**
     * Adds a bundle of CRDs and rules. For the same kind or rule name, an added bundle wins over a
     * discovered one; two added bundles defining the same are an error naming both.
     *
     * @param bundle the bundle
     * @return this builder
     */
    public Builder addBundle(ValidationBundle bundle) {
      bundles.add(InvalidInputException.requireArgument(bundle, "bundle"));
      return this;
    }

    /**
     * Whether {@link #build()} also uses the bundles {@link java.util.ServiceLoader} finds (default true).
     *
     * @param value false to use only the bundles added with {@link #addBundle}
     * @return this builder
     */
    public Builder discoverBundles(boolean value) {
      this.discover = value;
      return this;
    }

    /**
     * The class loader discovery looks on (default: the thread's context class loader, else sdk-core's).
     *
     * @param loader the class loader
     * @return this builder
     */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = InvalidInputException.requireArgument(loader, "loader");
      return this;
    }

    /**
     * Sets the release catalogue the CSO exact-patch-version rule looks releases up in (default:
     * {@link ReleaseCatalogue#builtIn()}; {@link ReleaseCatalogue#empty()} checks only the form and
     * the minor version). Versions declared with {@link #releaseKubernetesVersion} take precedence.
     *
     * @param catalogue the catalogue
     * @return this builder
     */
    public Builder releaseCatalogue(ReleaseCatalogue catalogue) {
      this.catalogue = InvalidInputException.requireArgument(catalogue, "catalogue");
      return this;
    }

    /**
     * Declares the exact Kubernetes version a ClusterClass (cluster-stack release) was built for, so
     * the CSO exact-patch-version rule can be checked fully for releases the catalogue does not know
     * (for unknown releases only the form and the minor version are checked, and the report warns
     * that the check was partial).
     *
     * @param clusterClassName e.g. {@code openstack-scs2-1-33-v1}
     * @param kubernetesVersion e.g. {@code v1.33.4}
     * @return this builder
     */
    public Builder releaseKubernetesVersion(String clusterClassName, String kubernetesVersion) {
      releaseKubernetesVersions.put(InvalidInputException.requireArgument(clusterClassName, "clusterClassName"),
          InvalidInputException.requireArgument(kubernetesVersion, "kubernetesVersion"));
      return this;
    }

    /**
     * Declares several release versions at once.
     *
     * @param versions exact Kubernetes versions by ClusterClass name
     * @return this builder
     */
    public Builder releaseKubernetesVersions(Map<String, String> versions) {
      InvalidInputException.requireArgument(versions, "versions").forEach(this::releaseKubernetesVersion);
      return this;
    }

    /**
     * Makes kinds without a bundled schema or built-in rules violations (rule
     * {@code kind:notSchemaChecked}) instead of warnings.
     *
     * @param value true to reject them
     * @return this builder
     */
    public Builder unknownKindsAreViolations(boolean value) {
      this.unknownKindsAreViolations = value;
      return this;
    }

    /**
     * Builds the validator, resolving and compiling the bundles' CRDs.
     *
     * @return the validator
     * @throws io.clusterstacks.core.InvalidInputException listing every bundle conflict (naming both
     *     bundles) and every CRD that cannot be used
     */
    public CrdValidator build() {
      return new CrdValidator(this);
    }
  }
}
