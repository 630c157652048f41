package io.clusterstacks.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Jackson 2 trees of documents, for tests that inspect deep fields with {@code at("/json/pointer")}.
 * Built from the public JSON text, so the tests see what a client sees.
 */
public final class TestTrees {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestTrees() {}

  /**
   * A mutable tree of a document.
   *
   * @param d the document
   * @return the tree (a copy)
   */
  public static ObjectNode tree(ManifestDocument d) {
    try {
      return (ObjectNode) JSON.readTree(d.toJson());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Trees of all documents.
   *
   * @param m the manifests
   * @return the trees (copies)
   */
  public static List<ObjectNode> trees(Manifests m) {
    return m.documents().stream().map(TestTrees::tree).toList();
  }

  /**
   * A document from a tree.
   *
   * @param tree the tree
   * @return the document
   */
  public static ManifestDocument document(JsonNode tree) {
    return ManifestDocument.fromJson(tree.toString());
  }

  /**
   * Documents from trees.
   *
   * @param trees the trees
   * @return the documents
   */
  public static List<ManifestDocument> documents(List<? extends JsonNode> trees) {
    return trees.stream().map(TestTrees::document).toList();
  }
}
