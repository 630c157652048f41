package io.clusterstacks.core.flavor;

import java.util.Optional;

/** The optional hypervisor extension ({@code _kvm}, {@code _bms}, ...) of an SCS flavor name. */
public enum Hypervisor {
  /** {@code kvm}: KVM with qemu (what users assume when none is named). */
  KVM("kvm", "KVM", true),
  /** {@code xen}: Xen. */
  XEN("xen", "Xen", true),
  /** {@code vmw}: VMware. */
  VMW("vmw", "VMware", true),
  /** {@code hyv}: Hyper-V. */
  HYV("hyv", "Hyper-V", true),
  /** {@code bms}: bare metal, no hypervisor. */
  BMS("bms", "bare metal", true),
  /** {@code chy}: Cloud Hypervisor (added in scs-0100 v3.3; not part of the v1 syntax). */
  CHY("chy", "Cloud Hypervisor", false);

  private final String code;
  private final String description;
  private final boolean inV1Syntax;

  Hypervisor(String code, String description, boolean inV1Syntax) {
    this.code = code;
    this.description = description;
    this.inV1Syntax = inV1Syntax;
  }

  /**
   * The three letters used in flavor names.
   *
   * @return e.g. {@code kvm}
   */
  public String code() {
    return code;
  }

  /**
   * The hypervisor in words.
   *
   * @return e.g. {@code bare metal}
   */
  public String description() {
    return description;
  }

  /**
   * Whether the deprecated v1 syntax knows this hypervisor ({@code chy} came later).
   *
   * @return true for all but {@link #CHY}
   */
  public boolean isInV1Syntax() {
    return inV1Syntax;
  }

  /**
   * The hypervisor for its three-letter code.
   *
   * @param code e.g. {@code kvm}
   * @return the hypervisor, or empty for an unknown code
   */
  public static Optional<Hypervisor> fromCode(String code) {
    for (Hypervisor h : values()) {
      if (h.code.equals(code)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }
}
