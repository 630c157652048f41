package io.clusterstacks.samples;

import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sample: validates every YAML file in a folder offline, as strictly as a management cluster would
 * (unknown fields are errors), and prints each file's violations.
 *
 * <p>Run: {@code java -cp samples/target/clusterstacks.jar io.clusterstacks.samples.ValidateManifests DIR}
 */
public final class ValidateManifests {

  private ValidateManifests() {}

  /**
   * Validates the manifests below a folder.
   *
   * @param dir the folder; its {@code *.yaml} files are read recursively, in name order
   * @param out where the report goes
   * @return how many files have violations
   * @throws IOException when the folder cannot be listed
   */
  public static int validateFolder(Path dir, PrintStream out) throws IOException {
    // tag::validate[]
    // One validator serves any number of calls; the CRD schemas are loaded once per process.
    CrdValidator validator = CrdValidator.strict();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    int invalid = 0;
    for (Path file : files) {
      // All documents of a multi-document file are checked together; every violation is reported.
      ValidationReport report = validator.validateYaml(file);
      out.println(file + ": " + report.summary());
      if (!report.isValid()) {
        invalid++;
      }
    }
    // end::validate[]
    return invalid;
  }

  /**
   * Validates the folder named by the first argument (the current folder without one) and exits with
   * 4 when a file has violations.
   *
   * @param args the folder
   * @throws IOException when the folder cannot be listed
   */
  public static void main(String[] args) throws IOException {
    int invalid = validateFolder(Path.of(args.length > 0 ? args[0] : "."), System.out);
    System.exit(invalid == 0 ? 0 : 4);
  }
}
