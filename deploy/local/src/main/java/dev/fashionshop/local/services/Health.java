package dev.fashionshop.local.services;

/** What the runner knows of a service process. */
public enum Health {
    /** The process runs but is not ready yet. */
    STARTING,
    /** Ready: its readiness probe answers UP. */
    UP,
    /** The process runs but its readiness probe fails, e.g. while a dependency is away. */
    DOWN,
    /** The process died or was killed; it is started again after a back-off. */
    RESTARTING,
    /** Stopped by the runner. */
    STOPPED
}
