package io.clusterstacks.openstack;

/**
 * One HTTP call the client made, as counted by {@link HttpCallLog}.
 *
 * @param service the catalog type, e.g. {@code compute}, {@code identity}, {@code image}
 * @param method the HTTP method
 * @param path the path below the service's endpoint, without the query
 * @param query the query string, possibly empty (never holds a secret: tokens travel in headers)
 * @param status the HTTP status, or 0 when no answer came
 * @param millis the wall time of the call
 * @param via {@code sdk} for calls on the SDK's own client, {@code openstack4j} for calls openstack4j made
 */
public record HttpCall(String service, String method, String path, String query, int status, long millis, String via) {
  @Override
  public String toString() {
    return method + " " + service + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> "
        + (status == 0 ? "no answer" : String.valueOf(status)) + " (" + millis + " ms" + (via.equals("sdk") ? "" : ", " + via) + ")";
  }
}
