package io.clusterstacks.core.image;

/** Whether a strategy works with a stack dialect in an output mode. */
public enum ImageSupport {
  /** Works as asked. */
  SUPPORTED,
  /**
   * Not expressible through the stack's ClusterClass (topology mode); works in raw CAPI mode, so the
   * SDK may switch to it when allowed, announcing the cost (no stack-managed addons).
   */
  RAW_CAPI_ONLY,
  /** Does not work in this combination at all. */
  UNSUPPORTED
}
