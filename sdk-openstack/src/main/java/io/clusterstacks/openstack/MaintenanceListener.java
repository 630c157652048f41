package io.clusterstacks.openstack;

/** Receives the maintenance announcements a {@link MaintenanceWatch} sees. */
@FunctionalInterface
public interface MaintenanceListener {
  /**
   * One change of an announcement, called on the polling thread in the order the poll found them.
   *
   * @param event the change
   */
  void onEvent(MaintenanceEvent event);
}
