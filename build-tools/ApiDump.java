// Build step of every published module (run by exec-maven-plugin after compilation, as a single-file
// source program on the module's runtime class path):
//   java -cp <classpath> build-tools/ApiDump.java <classes-dir> <dump-file> <module> [update|check|report|counts]
// Writes the module's public API as sorted text: every public type outside `internal` packages, with
// its public and protected constructors, fields and methods, including those it exposes from a
// non-public superclass (e.g. a value's Builder and the generated builder it extends). `check` (the
// default) fails, printing the difference, when the committed dump differs from the compiled API, or
// when the API names a generated Immutable* type; `update` rewrites the dump; `report` prints what
// check would find without failing or writing (for a module while it is being brought in line);
// `counts` prints public types and members per package. Needs only the JDK.

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class ApiDump {

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ApiDump <classes-dir> <dump-file> <module> [update|check|counts]");
      System.exit(2);
    }
    Path classes = Path.of(args[0]);
    Path dump = Path.of(args[1]);
    String module = args[2];
    String mode = args.length > 3 ? args[3] : "check";
    if (!Files.isDirectory(classes)) {
      System.out.println("ApiDump: " + module + " has no classes, nothing to record");
      return;
    }
    Map<String, List<Class<?>>> byPackage = publicTypes(classes);
    if (mode.equals("counts")) {
      printCounts(module, byPackage);
      return;
    }
    String text = render(module, byPackage);
    List<String> generated = text.lines().filter(l -> l.matches(".*\\bImmutable[A-Z]\\w*.*")).toList();
    if (!generated.isEmpty()) {
      System.err.println("The public API of " + module + " names generated Immutable* types; expose the value"
          + " type and its own Builder instead (see io.clusterstacks.core.SdkStyle):");
      generated.forEach(l -> System.err.println("  " + l.strip()));
      if (!mode.equals("report")) {
        System.exit(1);
      }
    }
    if (mode.equals("report")) {
      return;
    }
    if (mode.equals("update")) {
      Files.createDirectories(dump.toAbsolutePath().getParent());
      Files.writeString(dump, text, StandardCharsets.UTF_8);
      System.out.println("ApiDump: wrote " + dump + " (" + text.lines().count() + " lines)");
      return;
    }
    String recorded = Files.exists(dump) ? Files.readString(dump, StandardCharsets.UTF_8) : "";
    if (!recorded.equals(text)) {
      Set<String> before = qualifiedLines(recorded);
      Set<String> after = qualifiedLines(text);
      System.err.println("The public API of " + module + " differs from the recorded dump " + dump + ":");
      before.stream().filter(l -> !after.contains(l)).forEach(l -> System.err.println("- " + l));
      after.stream().filter(l -> !before.contains(l)).forEach(l -> System.err.println("+ " + l));
      System.err.println("If the change is intended, record it with `mvn -B verify -Dapi.update` (or"
          + " `mvn -B -o process-classes -Dapi.update -pl " + module + "`) and review the dump's diff"
          + " line by line before committing it.");
      System.exit(1);
    }
  }

  /** Each line of a dump with the package and type it belongs to, so a difference names its place. */
  static Set<String> qualifiedLines(String dump) {
    Set<String> out = new LinkedHashSet<>();
    String pkg = "";
    String type = "";
    for (String line : dump.lines().toList()) {
      if (line.startsWith("package ")) {
        pkg = line.substring("package ".length());
        out.add(line);
      } else if (line.startsWith("    ")) {
        out.add(pkg + " " + type + ": " + line.strip());
      } else if (line.startsWith("  ")) {
        type = line.strip();
        out.add(pkg + " " + type);
      }
    }
    return out;
  }

  /** Public types of API packages (no `internal` segment), grouped by package, sorted by name. */
  static Map<String, List<Class<?>>> publicTypes(Path classes) throws IOException, ClassNotFoundException {
    List<String> names;
    try (Stream<Path> s = Files.walk(classes)) {
      names = s.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classes.relativize(p).toString().replace('/', '.').replace('\\', '.'))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .filter(n -> !n.endsWith("package-info") && !n.endsWith("module-info"))
          .filter(n -> !isInternal(n))
          .sorted()
          .toList();
    }
    ClassLoader loader = ApiDump.class.getClassLoader();
    Map<String, List<Class<?>>> out = new TreeMap<>();
    for (String n : names) {
      Class<?> c = Class.forName(n, false, loader);
      if (c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass() || !accessible(c)) {
        continue;
      }
      out.computeIfAbsent(c.getPackageName(), k -> new ArrayList<>()).add(c);
    }
    return out;
  }

  static boolean isInternal(String className) {
    return List.of(className.split("\\.")).contains("internal");
  }

  /** Public, or protected inside a public type, all the way out. */
  static boolean accessible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      int m = k.getModifiers();
      boolean ok = Modifier.isPublic(m) || (k != c || k.getEnclosingClass() != null) && Modifier.isProtected(m);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static String render(String module, Map<String, List<Class<?>>> byPackage) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Public API of ").append(module).append(", generated from the compiled classes by"
        + " build-tools/ApiDump.java.\n# The build fails when it differs; record an intended change with"
        + " -Dapi.update and review every line.\n");
    byPackage.forEach((pkg, types) -> {
      sb.append("\npackage ").append(pkg).append('\n');
      for (Class<?> c : types) {
        sb.append("  ").append(header(c)).append('\n');
        for (String m : members(c)) {
          sb.append("    ").append(m).append('\n');
        }
      }
    });
    return sb.toString();
  }

  static void printCounts(String module, Map<String, List<Class<?>>> byPackage) {
    int types = 0;
    int members = 0;
    System.out.printf("%-45s %6s %8s%n", module + ": package", "types", "members");
    for (Map.Entry<String, List<Class<?>>> e : byPackage.entrySet()) {
      int t = e.getValue().size();
      int m = e.getValue().stream().mapToInt(c -> members(c).size()).sum();
      int gt = (int) e.getValue().stream().filter(ApiDump::generated).count();
      int gm = e.getValue().stream().filter(ApiDump::generated).mapToInt(c -> members(c).size()).sum();
      System.out.printf("%-45s %6d %8d   (generated Immutable* types: %d with %d members)%n",
          e.getKey(), t, m, gt, gm);
      types += t;
      members += m;
    }
    int gt = (int) byPackage.values().stream().flatMap(List::stream).filter(ApiDump::generated).count();
    int gm = byPackage.values().stream().flatMap(List::stream).filter(ApiDump::generated)
        .mapToInt(c -> members(c).size()).sum();
    System.out.printf("%-45s %6d %8d   (generated Immutable* types: %d with %d members)%n", "total", types, members, gt, gm);
  }

  static boolean generated(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (k.getSimpleName().startsWith("Immutable")) {
        return true;
      }
    }
    return false;
  }

  static String header(Class<?> c) {
    StringBuilder sb = new StringBuilder(Modifier.toString(c.getModifiers() & ~Modifier.INTERFACE
        & (c.isInterface() ? ~Modifier.ABSTRACT : ~0)));
    if (sb.length() > 0) {
      sb.append(' ');
    }
    sb.append(c.isAnnotation() ? "@interface" : c.isInterface() ? "interface" : c.isEnum() ? "enum"
        : c.isRecord() ? "record" : "class").append(' ').append(c.getName().substring(c.getPackageName().length() + 1));
    if (c.getTypeParameters().length > 0) {
      sb.append(Stream.of(c.getTypeParameters()).map(ApiDump::typeVariable).collect(Collectors.joining(", ", "<", ">")));
    }
    Class<?> sup = c.getSuperclass();
    while (sup != null && !isApi(sup)) {
      sup = sup.getSuperclass();  // a non-public superclass is not part of the API; its public members are listed below
    }
    if (sup != null && sup != Object.class && !c.isEnum() && !c.isRecord()) {
      sb.append(" extends ").append(name(c.getGenericSuperclass() != null && c.getSuperclass() == sup
          ? c.getGenericSuperclass() : sup));
    }
    List<String> interfaces = new ArrayList<>();
    for (Type t : c.getGenericInterfaces()) {
      Class<?> raw = raw(t);
      if (raw != null && isApi(raw) && raw != java.lang.annotation.Annotation.class) {
        interfaces.add(name(t));
      }
    }
    if (!interfaces.isEmpty()) {
      sb.append(c.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
    }
    return sb.toString();
  }

  static boolean isApi(Class<?> c) {
    return accessible(c) && !isInternal(c.getName());
  }

  static Class<?> raw(Type t) {
    if (t instanceof Class<?> k) {
      return k;
    }
    if (t instanceof java.lang.reflect.ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return null;
  }

  static String typeVariable(java.lang.reflect.TypeVariable<?> v) {
    List<String> bounds = Stream.of(v.getBounds()).filter(b -> b != Object.class).map(ApiDump::name).toList();
    return v.getName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds));
  }

  static Set<String> members(Class<?> c) {
    // by member name first, so a type's overloads and accessors read together
    Set<String> out = new TreeSet<>(java.util.Comparator.comparing(ApiDump::memberName).thenComparing(s -> s));
    if (c.isAnnotation()) {
      for (Method m : c.getDeclaredMethods()) {
        out.add(name(m.getGenericReturnType()) + " " + m.getName() + "()");
      }
      return out;
    }
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      if (k != c && isApi(k)) {
        break;  // members of an API superclass are listed there
      }
      for (Constructor<?> ctor : k == c ? c.getDeclaredConstructors() : new Constructor<?>[0]) {
        if (visible(ctor) && !ctor.isSynthetic() && !(c.isEnum())) {
          out.add(modifiers(ctor) + c.getSimpleName() + parameters(ctor));
        }
      }
      for (Field f : k.getDeclaredFields()) {
        if (visible(f) && !f.isSynthetic()) {
          out.add(modifiers(f) + name(f.getGenericType()) + " " + f.getName());
        }
      }
      for (Method m : k.getDeclaredMethods()) {
        if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
          String typeParams = m.getTypeParameters().length == 0 ? "" : Stream.of(m.getTypeParameters())
              .map(ApiDump::typeVariable).collect(Collectors.joining(", ", "<", "> "));
          out.add(modifiers(m) + typeParams + name(m.getGenericReturnType()) + " " + m.getName() + parameters(m)
              + throwsClause(m));
        }
      }
    }
    return out;
  }

  static String memberName(String signature) {
    int paren = signature.indexOf('(');
    String head = paren < 0 ? signature : signature.substring(0, paren);
    return head.substring(head.lastIndexOf(' ') + 1);
  }

  static boolean visible(Member m) {
    return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
  }

  static String modifiers(Member m) {
    int mods = m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
        | Modifier.ABSTRACT);
    if (m instanceof Method meth && meth.isDefault()) {
      return Modifier.toString(mods) + " default ";
    }
    String s = Modifier.toString(mods);
    return s.isEmpty() ? "" : s + " ";
  }

  static String parameters(Executable e) {
    Type[] types = e.getGenericParameterTypes();
    if (types.length != e.getParameterCount()) {
      types = e.getParameterTypes();  // inner-class constructors: generic types omit the outer instance
    }
    List<String> ps = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      String n = name(types[i]);
      if (e.isVarArgs() && i == types.length - 1 && n.endsWith("[]")) {
        n = n.substring(0, n.length() - 2) + "...";
      }
      ps.add(n);
    }
    return "(" + String.join(", ", ps) + ")";
  }

  static String throwsClause(Method m) {
    Type[] ex = m.getGenericExceptionTypes();
    return ex.length == 0 ? "" : " throws " + Stream.of(ex).map(ApiDump::name).collect(Collectors.joining(", "));
  }

  static String name(Type t) {
    String s = t instanceof Class<?> k ? canonical(k) : t.getTypeName();
    return s.replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "").replace('$', '.');
  }

  static String canonical(Class<?> k) {
    if (k.isArray()) {
      return canonical(k.getComponentType()) + "[]";
    }
    return k.getName();
  }
}
