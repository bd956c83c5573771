package dev.fashionshop.local.services;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which instance of a service the gateway sends the next request to: in turn among the ready ones, as
 * a Kubernetes Service does with its ready endpoints. An instance that reports not ready (it is
 * starting, or shutting down) gets no new requests; with none ready, any instance is tried.
 */
public final class InstancePicker {

    private final List<ServiceProcess> instances;
    private final AtomicInteger next = new AtomicInteger();

    public InstancePicker(List<ServiceProcess> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("A service without instances");
        }
        this.instances = List.copyOf(instances);
    }

    public Integer nextPort() {
        List<ServiceProcess> ready = instances.stream().filter(instance -> instance.health() == Health.UP).toList();
        List<ServiceProcess> candidates = ready.isEmpty() ? instances : ready;
        return candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size())).port();
    }
}
