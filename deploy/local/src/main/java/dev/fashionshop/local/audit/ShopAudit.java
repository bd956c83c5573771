package dev.fashionshop.local.audit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Checks the invariants of DESIGN.md across every service: waits until the shop is quiet (no event
 * waiting in an outbox or behind a consumer, no payment in flight), reads every service's state and
 * reports each violation with the order it concerns.
 */
public final class ShopAudit {

    private static final Duration POLL = Duration.ofMillis(500);

    private final ShopConnections connections;

    public ShopAudit(ShopConnections connections) {
        this.connections = connections;
    }

    /** The audit's findings. {@code unquiet} lists what was still moving when the wait ran out. */
    public record Report(List<String> unquiet, List<Violation> violations, Map<String, Long> ordersByStatus,
            Map<String, Long> deadLetters) {

        public boolean passed() {
            return unquiet.isEmpty() && violations.isEmpty();
        }

        public void print(PrintStream out) {
            out.printf("Orders: %d %s%n", ordersByStatus.values().stream().mapToLong(Long::longValue).sum(), ordersByStatus);
            out.printf("Dead letters: %s%n", deadLetters);
            unquiet.forEach(reason -> out.println("NOT QUIET  " + reason));
            violations.forEach(violation -> out.println("VIOLATION  " + violation));
            out.println(passed() ? "Audit passed: every invariant holds."
                    : violations.size() + " violation(s)" + (unquiet.isEmpty() ? "" : "; the shop was not quiet"));
        }
    }

    /** Waits up to {@code quietTimeout} for the shop to be quiet, then checks it (quiet or not). */
    public Report run(Duration quietTimeout) throws Exception {
        SnapshotReader reader = new SnapshotReader(connections);
        try (Admin admin = connections.kafka()) {
            KafkaProgress kafka = new KafkaProgress(admin);
            List<String> unquiet = awaitQuiet(reader, kafka, quietTimeout);
            ShopSnapshot snapshot = reader.read(kafka.deadLetters());
            Map<String, Long> ordersByStatus = snapshot.orders().values().stream()
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            return new Report(unquiet, Invariants.check(snapshot), ordersByStatus, new TreeMap<>(snapshot.deadLetters()));
        }
    }

    private static List<String> awaitQuiet(SnapshotReader reader, KafkaProgress kafka, Duration timeout) throws Exception {
        try {
            // in this thread: a look still under way when the time is up would share the connections with the last one
            return Awaitility.await("the shop quiet").atMost(timeout).pollInterval(POLL).pollDelay(Duration.ZERO)
                    .pollInSameThread().until(() -> whatIsMoving(reader, kafka), List::isEmpty);
        } catch (ConditionTimeoutException stillMoving) {
            return whatIsMoving(reader, kafka);
        }
    }

    private static List<String> whatIsMoving(SnapshotReader reader, KafkaProgress kafka) throws Exception {
        List<String> moving = new ArrayList<>();
        long unpublished = reader.unpublishedEvents();
        if (unpublished > 0) {
            moving.add(unpublished + " event(s) waiting in an outbox");
        }
        long pending = reader.ordersAwaitingPayment();
        if (pending > 0) {
            moving.add(pending + " order(s) waiting for their payment call to settle");
        }
        kafka.lagPerGroup().forEach((group, lag) -> {
            if (lag > 0) {
                moving.add("consumer group " + group + " is " + lag + " record(s) behind");
            }
        });
        return moving;
    }
}
