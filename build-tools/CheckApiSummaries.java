// Build step of the javadoc module (run by exec-maven-plugin before the aggregated javadoc, as a
// single-file source program):
//   java build-tools/CheckApiSummaries.java <source-dir>...
// Fails (exit 1, one line per finding) when a public or protected type, constructor, method, field or
// enum constant of an API package (any package whose name has no `internal` segment), or an API
// package itself (package-info.java), has no javadoc summary sentence. Javadoc's doclint already
// rejects a missing comment; this also rejects a comment that only has block tags (`/** @return x */`),
// which doclint accepts but which gives the API docs an empty summary. A method without a comment
// that overrides (@Override) inherits its documentation and is accepted. Needs only the JDK.

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

public class CheckApiSummaries {

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: CheckApiSummaries <source-dir>...");
      System.exit(2);
    }
    List<Path> files = new ArrayList<>();
    for (String dir : args) {
      Path root = Path.of(dir);
      if (!Files.isDirectory(root)) {
        System.err.println("CheckApiSummaries: source folder " + root.toAbsolutePath() + " does not exist");
        System.exit(2);
      }
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".java"))
            .filter(p -> !isInternal(root.relativize(p)))
            .sorted()
            .forEach(files::add);
      }
    }
    List<String> findings = check(files);
    if (!findings.isEmpty()) {
      findings.forEach(System.err::println);
      System.err.println(findings.size() + " public API element(s) without a javadoc summary sentence;"
          + " start each comment with a sentence that says what the element is or does.");
      System.exit(1);
    }
    System.out.println("CheckApiSummaries: " + files.size() + " API source files, every public element has a summary");
  }

  private static boolean isInternal(Path relative) {
    for (Path part : relative) {
      if (part.toString().equals("internal")) {
        return true;
      }
    }
    return false;
  }

  static List<String> check(List<Path> files) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> findings = new ArrayList<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      JavacTask task = (JavacTask) javac.getTask(null, fm, null, List.of("-proc:none"), null, units);
      DocTrees docs = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        new Scanner(unit, docs, findings).scan(unit, null);
      }
    }
    return findings;
  }

  /** Walks one compilation unit and records API elements without a summary. */
  private static final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final DocTrees docs;
    private final List<String> findings;
    private final List<Boolean> interfaceStack = new ArrayList<>();

    Scanner(CompilationUnitTree unit, DocTrees docs, List<String> findings) {
      this.unit = unit;
      this.docs = docs;
      this.findings = findings;
    }

    @Override
    public Void visitCompilationUnit(CompilationUnitTree node, Void unused) {
      if (unit.getSourceFile().getName().endsWith("package-info.java")) {
        require(new TreePath(getCurrentPath(), node.getPackage()), node.getPackage(), "package " + node.getPackageName());
        return null;
      }
      return super.visitCompilationUnit(node, unused);
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      boolean enclosedByInterface = !interfaceStack.isEmpty() && interfaceStack.get(interfaceStack.size() - 1);
      if (!isApi(node.getModifiers(), enclosedByInterface)) {
        return null;
      }
      require(getCurrentPath(), node, "type " + node.getSimpleName());
      Tree.Kind kind = node.getKind();
      interfaceStack.add(kind == Tree.Kind.INTERFACE || kind == Tree.Kind.ANNOTATION_TYPE);
      try {
        return super.visitClass(node, unused);
      } finally {
        interfaceStack.remove(interfaceStack.size() - 1);
      }
    }

    @Override
    public Void visitMethod(MethodTree node, Void unused) {
      boolean inInterface = interfaceStack.get(interfaceStack.size() - 1);
      if (isApi(node.getModifiers(), inInterface)) {
        boolean overrides = node.getModifiers().getAnnotations().stream()
            .anyMatch(a -> a.getAnnotationType().toString().endsWith("Override"));
        DocCommentTree doc = docs.getDocCommentTree(getCurrentPath());
        if (!(overrides && doc == null)) {
          String name = node.getName().contentEquals("<init>") ? "constructor" : "method " + node.getName() + "()";
          require(getCurrentPath(), node, name);
        }
      }
      return null;
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      boolean inInterface = interfaceStack.get(interfaceStack.size() - 1);
      Tree parent = getCurrentPath().getParentPath().getLeaf();
      if (parent instanceof ClassTree && isApi(node.getModifiers(), inInterface)) {
        require(getCurrentPath(), node, "field " + node.getName());
      }
      return null;
    }

    private boolean isApi(ModifiersTree mods, boolean inInterface) {
      return inInterface
          ? !mods.getFlags().contains(Modifier.PRIVATE)
          : mods.getFlags().contains(Modifier.PUBLIC) || mods.getFlags().contains(Modifier.PROTECTED);
    }

    private void require(TreePath path, Tree node, String what) {
      DocCommentTree doc = docs.getDocCommentTree(path);
      boolean hasSummary = doc != null && doc.getFirstSentence().stream()
          .anyMatch(t -> !t.toString().isBlank());
      if (!hasSummary) {
        long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, node));
        findings.add(unit.getSourceFile().getName() + ":" + line + ": " + what + ": "
            + (doc == null ? "no javadoc comment" : "javadoc has no summary sentence"));
      }
    }
  }
}
