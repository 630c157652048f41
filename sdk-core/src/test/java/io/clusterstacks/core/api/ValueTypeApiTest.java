package io.clusterstacks.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house style over the compiled API of sdk-core: every value type offers {@code builder()},
 * {@code toBuilder()} and {@code of(Consumer<Builder>)} on itself, and building one with nothing set
 * reports every mandatory attribute at once in one {@link InvalidInputException}; public records outside
 * {@code internal} are only those listed below, each with its reason.
 *
 * <p>A value type is a public type of an API package that a generated {@code Immutable*} class
 * implements. Its mandatory attributes are read from the type itself, not from the generated code: the
 * abstract accessors whose type is not an {@code Optional}, a collection or a map.
 */
class ValueTypeApiTest {

  /** Public records that stay records, with why: a record is closed to new fields, so few qualify. */
  private static final Map<String, String> RECORDS_KEPT = Map.ofEntries(
      // sealed variants with one or two components fixed by what they refer to
      Map.entry("io.clusterstacks.core.model.FlavorRef$ByName", "sealed variant: a flavor is named by one text"),
      Map.entry("io.clusterstacks.core.model.FlavorRef$ById", "sealed variant: a Nova flavor ID is one text"),
      Map.entry("io.clusterstacks.core.model.ImageRef$GlanceName", "sealed variant: CAPO image.filter.name, one text"),
      Map.entry("io.clusterstacks.core.model.ImageRef$GlanceId", "sealed variant: CAPO image.id, one UUID"),
      Map.entry("io.clusterstacks.core.model.ImageRef$OrcRef", "sealed variant: CAPO image.imageRef.name, one name"),
      Map.entry("io.clusterstacks.core.model.ImageRef$OrcCreate",
          "sealed variant wrapping one value type (OrcImage), which is where new fields go"),
      Map.entry("io.clusterstacks.core.model.ServerGroupRef$Known", "sealed variant: an existing group is one Nova UUID"),
      Map.entry("io.clusterstacks.core.model.ServerGroupRef$Unresolved",
          "sealed variant: a group not decided yet carries only why"),
      Map.entry("io.clusterstacks.core.image.ContainerRuntime$CriO", "sealed variant without components"),
      Map.entry("io.clusterstacks.core.image.ContainerRuntime$UbuntuContainerd", "sealed variant without components"),
      Map.entry("io.clusterstacks.core.flavor.FlavorNameParseResult$Valid",
          "sealed parse outcome: the input and the parsed name, fixed by what parsing yields"),
      Map.entry("io.clusterstacks.core.flavor.FlavorNameParseResult$NotScs", "sealed parse outcome: the input only"),
      Map.entry("io.clusterstacks.core.flavor.FlavorNameParseResult$Invalid",
          "sealed parse outcome: the input and the typed error, which holds position and expectation"),
      // fixed-grammar text forms: the components are the parts of a text whose grammar is fixed upstream
      Map.entry("io.clusterstacks.core.stack.ClusterClassName",
          "text form <provider>-<stack>-<major>-<minor>-<version>, fixed by the cluster stack operator"),
      Map.entry("io.clusterstacks.core.stack.StackVersion",
          "text form v<N>[-<tag>.<build>], fixed by the cluster stack operator"),
      Map.entry("io.clusterstacks.core.cloud.ComputeMicroversion", "text form <major>.<minor>, fixed by Nova"),
      Map.entry("io.clusterstacks.core.cloud.MicroversionRange", "the min and max of Nova's version document"),
      Map.entry("io.clusterstacks.core.model.IntOrPercent", "Kubernetes IntOrString: a number or <n>%"),
      Map.entry("io.clusterstacks.core.cloud.Quota", "a Nova limit: limit and used, as the limits API reports it"),
      Map.entry("io.clusterstacks.core.model.BootstrapFile$SecretKeyRef",
          "a Secret key selector: name and key, as KubeadmConfig's file contentFrom.secret"),
      Map.entry("io.clusterstacks.core.flavor.FlavorDiscrepancy",
          "a finding about a cloud flavor (field, found, expected): returned, not built or thrown"));

  @Test
  void everyValueTypeHasTheHouseStyleFactories() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Class<?> value : valueTypes()) {
      Optional<Class<?>> builder = Stream.of(value.getDeclaredClasses())
          .filter(c -> c.getSimpleName().equals("Builder") && Modifier.isPublic(c.getModifiers())).findFirst()
          .map(c -> (Class<?>) c);
      if (builder.isEmpty()) {
        problems.add(value.getName() + ": no public nested Builder");
        continue;
      }
      check(problems, value, "builder()", () -> value.getMethod("builder"), m -> Modifier.isStatic(m.getModifiers())
          && m.getReturnType() == builder.get());
      check(problems, value, "toBuilder()", () -> value.getMethod("toBuilder"), m -> !Modifier.isStatic(m.getModifiers())
          && m.getReturnType() == builder.get());
      check(problems, value, "of(Consumer<Builder>)", () -> value.getMethod("of", Consumer.class),
          m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == value);
    }
    assertTrue(problems.isEmpty(), problems.size() + " value types break the house style:\n  "
        + String.join("\n  ", problems));
  }

  @Test
  void buildingWithNothingSetListsEveryMissingAttributeAtOnce() throws Exception {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Class<?> value : valueTypes()) {
      Method builderMethod;
      try {
        builderMethod = value.getMethod("builder");
      } catch (NoSuchMethodException e) {
        continue;  // reported by the other test
      }
      Object builder = builderMethod.invoke(null);
      Set<String> expected = new TreeSet<>();
      String type = value.getSimpleName().substring(0, 1).toLowerCase(Locale.ROOT) + value.getSimpleName().substring(1);
      for (String attribute : mandatoryAttributes(value)) {
        expected.add(type + "." + attribute);
      }
      checked++;
      try {
        builder.getClass().getMethod("build").invoke(builder);
        if (!expected.isEmpty()) {
          problems.add(value.getName() + ": built with nothing set, but " + expected + " are mandatory");
        }
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof InvalidInputException invalid)) {
          problems.add(value.getName() + ": building with nothing set threw " + cause);
          continue;
        }
        Set<String> reported = new TreeSet<>(invalid.problems().stream().map(Problem::path).toList());
        if (!expected.isEmpty() && !reported.equals(expected)) {
          problems.add(value.getName() + ": reported " + reported + ", expected every mandatory attribute " + expected);
        }
      }
    }
    assertTrue(checked > 0, "no value types found");
    assertTrue(problems.isEmpty(), problems.size() + " value types:\n  " + String.join("\n  ", problems));
  }

  @Test
  void publicRecordsOutsideInternalAreOnlyThoseKeptWithAReason() throws Exception {
    Set<String> records = new TreeSet<>();
    for (Class<?> c : apiTypes()) {
      if (c.isRecord()) {
        records.add(c.getName());
      }
    }
    assertEquals(new TreeSet<>(RECORDS_KEPT.keySet()), records,
        "a public record cannot gain a field without breaking binaries: make it a value type, or list it with why");
  }

  /** The abstract accessors a builder must be given: not Optional, collection or map typed. */
  static List<String> mandatoryAttributes(Class<?> value) {
    List<String> out = new ArrayList<>();
    for (Class<?> k = value; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Method m : k.getDeclaredMethods()) {
        if (Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0 && !optional(m.getReturnType())) {
          out.add(m.getName());
        }
      }
    }
    for (Class<?> i : value.getInterfaces()) {
      for (Method m : i.getMethods()) {
        if (Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0 && !optional(m.getReturnType())
            && !out.contains(m.getName()) && isAbstractIn(value, m)) {
          out.add(m.getName());
        }
      }
    }
    return out;
  }

  /** Whether an interface method is still abstract in the value type (not implemented by it or a superclass). */
  static boolean isAbstractIn(Class<?> value, Method m) {
    try {
      return Modifier.isAbstract(value.getMethod(m.getName()).getModifiers());
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  static boolean optional(Class<?> t) {
    return t == Optional.class || t == OptionalInt.class || t == OptionalLong.class || t == OptionalDouble.class
        || Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t);
  }

  interface Lookup {
    Method find() throws NoSuchMethodException;
  }

  static void check(List<String> problems, Class<?> value, String what, Lookup lookup,
      java.util.function.Predicate<Method> shape) {
    try {
      Method m = lookup.find();
      if (m.getDeclaringClass() != value || !shape.test(m)) {
        problems.add(value.getName() + ": " + what + " is not declared on the type with the house-style signature");
      }
    } catch (NoSuchMethodException e) {
      problems.add(value.getName() + ": no " + what);
    }
  }

  /** Public types implemented by a generated Immutable* class in their own package. */
  static List<Class<?>> valueTypes() throws IOException, ClassNotFoundException {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> generated : allClasses()) {
      if (!generated.getSimpleName().startsWith("Immutable") || generated.getEnclosingClass() != null) {
        continue;
      }
      List<Class<?>> supers = new ArrayList<>(List.of(generated.getInterfaces()));
      if (generated.getSuperclass() != null) {
        supers.add(generated.getSuperclass());
      }
      for (Class<?> s : supers) {
        if (s.getName().startsWith("io.clusterstacks.") && isApi(s)
            && generated.getSimpleName().equals("Immutable" + s.getSimpleName())) {
          out.add(s);
        }
      }
    }
    out.sort(java.util.Comparator.comparing(Class::getName));
    return out;
  }

  static List<Class<?>> apiTypes() throws IOException, ClassNotFoundException {
    return allClasses().stream().filter(ValueTypeApiTest::isApi).toList();
  }

  static boolean isApi(Class<?> c) {
    if (List.of(c.getName().split("\\.")).contains("internal")) {
      return false;
    }
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  static List<Class<?>> allClasses() throws IOException, ClassNotFoundException {
    Path root = Path.of(InvalidInputException.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<Class<?>> out = new ArrayList<>();
    List<String> names;
    try (Stream<Path> s = Files.walk(root)) {
      names = s.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().startsWith("package-info"))
          .map(p -> root.relativize(p).toString().replace('/', '.'))
          .map(n -> n.substring(0, n.length() - ".class".length())).sorted().toList();
    }
    for (String n : names) {
      Class<?> c = Class.forName(n, false, ValueTypeApiTest.class.getClassLoader());
      if (!c.isSynthetic() && !c.isAnonymousClass() && !c.isLocalClass()) {
        out.add(c);
      }
    }
    return out;
  }
}
