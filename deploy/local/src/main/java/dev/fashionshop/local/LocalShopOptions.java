package dev.fashionshop.local;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.management.HotSpotDiagnosticMXBean;

import dev.fashionshop.local.services.ClassArchive;

/**
 * How to run the shop locally.
 *
 * @param dataDirectory where PostgreSQL's and Kafka's data and the services' logs live
 * @param projectDirectory the checked-out project, whose modules hold the built services
 * @param gatewayPort the gateway's port, 0 for any free port
 * @param postgresPort PostgreSQL's port, 0 for any free port
 * @param kafkaPort the Kafka broker's port, 0 for any free port
 * @param serviceJvmOptions JVM options for every service process
 * @param instances how many instances of a service to run, by name (1 when not named)
 * @param classArchive whether the services start from their class-data archives or write them
 * @param faultLinks whether the services reach Kafka, and order-service reaches payment-service, through links
 *        that /local/infrastructure can slow, stall or pause (FaultyLink): for fault tests, off otherwise
 */
public record LocalShopOptions(Path dataDirectory, Path projectDirectory, int gatewayPort, int postgresPort,
        int kafkaPort, List<String> serviceJvmOptions, Map<String, Integer> instances, ClassArchive classArchive,
        boolean faultLinks) {

    public int instancesOf(String service) {
        return Math.max(1, instances.getOrDefault(service, 1));
    }

    public static final int DEFAULT_GATEWAY_PORT = 8080;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    /**
     * A service's live heap stays below 35 MiB under load: 128 MiB leave room (a 96 MiB heap and two malloc
     * arenas saved 20 MiB of RSS but tripled the p99, run I against I2), and the serial collector is the
     * cheapest on two cores. The JIT is the JVM's default: C2's code, once warm, costs half the CPU per order
     * of C1's (docs/performance.md, run J), which had been the default for a quicker first minute. C2 allocates
     * its working memory with malloc and frees it after each compilation, but glibc keeps the freed memory: the
     * JVM hands it back every 5 s (docs/performance.md, run S), where it knows how (later updates of JDK 17 do;
     * the services run on the runner's own JVM).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = defaultJvmOptions();

    private static List<String> defaultJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx128m", "-XX:+UseSerialGC"));
        if (jvmKnowsOption("TrimNativeHeapInterval")) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        return List.copyOf(options);
    }

    /** Whether this JVM has the -XX option: an unknown one would keep a service from starting at all. */
    private static boolean jvmKnowsOption(String name) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
