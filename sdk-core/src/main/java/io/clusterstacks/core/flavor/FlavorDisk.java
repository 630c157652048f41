package io.clusterstacks.core.flavor;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The disk part of an SCS flavor name ({@code -10n}, {@code -3x10s}, {@code -} ...): how many root
 * disks, how large, and of which type.
 *
 * <p>Created only by {@link ScsFlavorName#parse(String)} and {@link ScsFlavorName.Builder}, which
 * validate it. A name without any disk part (boot from volume) has no {@code FlavorDisk} at all.
 */
public final class FlavorDisk {
  private final int count;
  private final int sizeGB; // 0 = not given
  private final @Nullable DiskType type;

  FlavorDisk(int count, int sizeGB, @Nullable DiskType type) {
    this.count = count;
    this.sizeGB = sizeGB;
    this.type = type;
  }

  /**
   * How many disks of this size and type ({@code 3} in {@code -3x10s}).
   *
   * @return at least 1; 1 when the name gives no count
   */
  public int count() {
    return count;
  }

  /**
   * The size of each disk in GB.
   *
   * @return the size, or empty when the cloud decides ({@code SCS-2C-4-n}, {@code SCS-2C-4-})
   */
  public OptionalInt sizeGB() {
    return sizeGB == 0 ? OptionalInt.empty() : OptionalInt.of(sizeGB);
  }

  /**
   * The disk type.
   *
   * @return the type, or empty when the name leaves it to the cloud ({@code SCS-2C-4-10})
   */
  public Optional<DiskType> type() {
    return Optional.ofNullable(type);
  }

  int rawSize() {
    return sizeGB;
  }

  @Nullable DiskType rawType() {
    return type;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FlavorDisk d && d.count == count && d.sizeGB == sizeGB && d.type == type;
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, sizeGB, type);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("-");
    ScsFlavorName.appendDisk(sb, this);
    return sb.toString();
  }
}
