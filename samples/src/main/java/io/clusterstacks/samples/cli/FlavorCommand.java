package io.clusterstacks.samples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.clusterstacks.core.flavor.CpuBrand;
import io.clusterstacks.core.flavor.FlavorDisk;
import io.clusterstacks.core.flavor.FlavorNameParseResult;
import io.clusterstacks.core.flavor.Gpu;
import io.clusterstacks.core.flavor.PerformanceLevel;
import io.clusterstacks.core.flavor.ScsFlavorName;
import io.clusterstacks.core.flavor.StandardFlavors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterstacks flavor NAME...}: explains SCS flavor names (scs-0100) field by field, with their
 * canonical and short names and scs-0103 extra_specs. Without names it explains the scs-0103
 * mandatory flavors.
 *
 * <p>Exit code {@link ClusterStacksCli#EXIT_INVALID_INPUT} when any name is invalid or no SCS name;
 * the valid ones are still explained.
 */
@Command(
    name = "flavor",
    mixinStandardHelpOptions = true,
    description = {
      "Explain SCS flavor names (scs-0100): what each field promises, canonical and short name,",
      "syntax version, and the scs-0103 extra_specs. Without NAME: the scs-0103 mandatory flavors."
    })
public final class FlavorCommand implements Callable<Integer> {

  /** Output formats. */
  public enum Output {
    /** Human-readable text. */
    table,
    /** YAML documents, one per name. */
    yaml,
    /** A JSON array. */
    json
  }

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "flavor names, e.g. SCS-2V-4-20s")
  List<String> names = new ArrayList<>();

  @Option(names = {"-o", "--output"}, defaultValue = "table",
      description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Output output = Output.table;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean standard = names.isEmpty();
    List<String> todo = new ArrayList<>();
    if (standard) {
      StandardFlavors.mandatory().forEach(n -> todo.add(n.canonicalName()));
      if (output == Output.table) {
        out.println("The scs-0103 mandatory flavors: every SCS-compatible cloud offers these "
            + StandardFlavors.mandatory().size() + " names.");
        out.println("SCS-2V-4-20s and SCS-4V-16-100s have local SSDs (scs-0110): the flavors for"
            + " Kubernetes control planes, because etcd needs low write latency.");
        out.println("Explain any name with: clusterstacks flavor NAME... [--output table|yaml|json]");
        out.println();
      }
    } else {
      todo.addAll(names);
    }
    int exit = 0;
    List<Map<String, Object>> docs = new ArrayList<>();
    for (String name : todo) {
      FlavorNameParseResult r = ScsFlavorName.tryParse(name);
      if (r instanceof FlavorNameParseResult.Valid v) {
        Map<String, Object> doc = explain(name, v.flavorName());
        if (standard) {
          doc.put("scs0103", "mandatory");
        }
        docs.add(doc);
      } else {
        exit = ClusterStacksCli.EXIT_INVALID_INPUT;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("valid", false);
        if (r instanceof FlavorNameParseResult.Invalid inv) {
          doc.put("error", inv.error().getMessage());
          doc.put("position", inv.error().position());
          doc.put("expected", inv.error().expected());
          err.println("error: " + inv.error().getMessage());
        } else {
          String message = "'" + name + "' is not an SCS flavor name: SCS names start with 'SCS-'";
          doc.put("error", message);
          err.println("error: " + message);
        }
        docs.add(doc);
      }
    }
    switch (output) {
      case json -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(docs));
      case yaml -> {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        for (Map<String, Object> doc : docs) {
          out.print("---\n" + yaml.writeValueAsString(doc));
        }
      }
      default -> {
        if (standard) {
          printStandardTable(out);
          return exit;
        }
        for (Map<String, Object> doc : docs) {
          if (Boolean.TRUE.equals(doc.get("valid"))) {
            printTable(out, doc);
          }
        }
      }
    }
    out.flush();
    err.flush();
    return exit;
  }

  /** The explanation of one valid name as an ordered tree of plain values. */
  static Map<String, Object> explain(String input, ScsFlavorName f) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", input);
    doc.put("valid", true);
    doc.put("description", f.description());
    doc.put("canonicalName", f.canonicalName());
    doc.put("shortName", f.shortName());
    doc.put("v1Name", f.v1Name());
    doc.put("syntax", f.isDeprecatedSyntax() ? "v1 (deprecated, tolerated)" : "v2/v3 (current)");
    doc.put("roundTrip", input.equals(f.isDeprecatedSyntax() ? f.v1Name() : f.canonicalName()));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("vcpus", f.vcpus());
    fields.put("cpuType", f.cpuType().letter() + " (" + f.cpuType().extraSpecValue() + ")");
    fields.put("insecure", f.isInsecure());
    fields.put("ramGiB", f.ramGiB());
    fields.put("noEcc", f.isNoEcc());
    fields.put("ramOversubscribed", f.isRamOversubscribed());
    if (f.disk().isPresent()) {
      FlavorDisk d = f.disk().get();
      Map<String, Object> disk = new LinkedHashMap<>();
      disk.put("count", d.count());
      disk.put("sizeGB", d.sizeGB().isPresent() ? (Object) d.sizeGB().getAsInt() : "decided by the cloud");
      disk.put("type", d.type().map(t -> t.letter() + " (" + t.extraSpecValue() + ")").orElse("unspecified"));
      fields.put("disk", disk);
    } else {
      fields.put("disk", "none (boot from volume)");
    }
    fields.put("hypervisor", f.hypervisor().map(h -> h.code() + " (" + h.description() + ")").orElse("not specified"));
    fields.put("hardwareVirtualization", f.isHardwareVirtualization());
    if (f.cpuBrand().isPresent()) {
      CpuBrand b = f.cpuBrand().get();
      Map<String, Object> cpu = new LinkedHashMap<>();
      cpu.put("vendor", b.vendor().letter() + " (" + b.vendor().description() + ")");
      cpu.put("generation", b.generation().isPresent()
          ? b.generation().getAsInt() + b.generationName().map(g -> " (" + g + ")").orElse("") : "not specified");
      cpu.put("frequency", level(b.performance()));
      fields.put("cpu", cpu);
    } else {
      fields.put("cpu", "generic x86-64");
    }
    if (f.gpu().isPresent()) {
      Gpu g = f.gpu().get();
      Map<String, Object> gpu = new LinkedHashMap<>();
      gpu.put("type", g.type().letter() + " (" + g.type().description() + ")");
      gpu.put("vendor", g.vendor().letter() + " (" + g.vendor().description() + ")");
      gpu.put("generation", g.generation().map(x -> x + g.generationName().map(n -> " (" + n + ")").orElse(""))
          .orElse("not specified"));
      gpu.put("computeUnits", g.computeUnits().isPresent()
          ? g.computeUnits().getAsInt() + " " + g.vendor().computeUnitName() : "not specified");
      gpu.put("computeFrequency", level(g.computePerformance()));
      gpu.put("vramGiB", g.vramGiB().isPresent() ? (Object) g.vramGiB().getAsInt() : "not specified");
      gpu.put("vramBandwidth", level(g.vramPerformance()));
      fields.put("gpu", gpu);
    } else {
      fields.put("gpu", "none");
    }
    fields.put("infiniband", f.isInfiniband());
    doc.put("fields", fields);
    doc.put("extraSpecs", new LinkedHashMap<String, Object>(f.toExtraSpecs()));
    return doc;
  }

  private static void printStandardTable(PrintWriter out) {
    out.printf("%-16s %5s  %-13s %7s  %-24s %s%n", "NAME", "VCPUS", "SCS:CPU-TYPE", "RAM GiB", "ROOT DISK",
        "SCS:NAME-V1");
    for (ScsFlavorName f : StandardFlavors.mandatory()) {
      String disk = f.disk().map(d -> d.sizeGB().getAsInt() + " GB " + d.type().map(t -> t.extraSpecValue()
          + " (" + t.description() + ")").orElse("any type")).orElse("none (boot from volume)");
      out.printf("%-16s %5d  %-13s %7s  %-24s %s%n", f.canonicalName(), f.vcpus(), f.cpuType().extraSpecValue(),
          f.ramGiB().toPlainString(), disk, f.v1Name());
    }
    out.flush();
  }

  private static String level(PerformanceLevel l) {
    return l == PerformanceLevel.STANDARD ? "standard" : l.suffix();
  }

  @SuppressWarnings("unchecked")
  private static void printTable(PrintWriter out, Map<String, Object> doc) {
    boolean canonical = Boolean.TRUE.equals(doc.get("roundTrip")) && doc.get("name").equals(doc.get("canonicalName"));
    out.println(doc.get("name") + (canonical ? "" : "  (canonical: "
        + doc.get("canonicalName") + ")") + (doc.containsKey("scs0103") ? "  [scs-0103 mandatory]" : ""));
    out.println("  " + doc.get("description"));
    row(out, "syntax", doc.get("syntax"));
    Map<String, Object> fields = (Map<String, Object>) doc.get("fields");
    fields.forEach((k, v) -> {
      if (v instanceof Map<?, ?> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((a, b) -> parts.add(a + "=" + b));
        row(out, k, String.join(", ", parts));
      } else {
        row(out, k, v);
      }
    });
    row(out, "canonical name", doc.get("canonicalName"));
    row(out, "short name", doc.get("shortName"));
    Map<String, Object> specs = (Map<String, Object>) doc.get("extraSpecs");
    List<String> parts = new ArrayList<>();
    specs.forEach((k, v) -> parts.add(k + "=" + v));
    row(out, "extra_specs", String.join(" ", parts));
    out.println();
  }

  private static void row(PrintWriter out, String key, Object value) {
    out.printf("  %-24s %s%n", key, value);
  }
}
