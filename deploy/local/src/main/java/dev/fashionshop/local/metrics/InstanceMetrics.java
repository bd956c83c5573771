package dev.fashionshop.local.metrics;

/** One scrape of one instance of a service. */
public record InstanceMetrics(String service, String instance, ServiceMetrics metrics) {
}
