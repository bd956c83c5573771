package dev.fashionshop.local.audit;

import java.time.Duration;
import java.util.concurrent.Callable;

import dev.fashionshop.local.LocalShopOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shop-local audit}: checks the invariants of a running shop. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks the invariants of DESIGN.md across every service's database, once the shop is quiet. "
                + "Prints each violation with the order it concerns. Exit code: 0 all hold, 1 violations, "
                + "2 the shop did not become quiet.")
public final class AuditCommand implements Callable<Integer> {

    @Option(names = "--pg-host", description = "PostgreSQL host (default: ${DEFAULT-VALUE}).")
    String postgresHost = "localhost";

    @Option(names = "--pg-port", description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
    int postgresPort = LocalShopOptions.DEFAULT_POSTGRES_PORT;

    @Option(names = "--pg-user", description = "One login for every database (default: each service's own, as the local run creates them).")
    String user;

    @Option(names = "--pg-password", description = "Its password (default: the PGPASSWORD environment variable).")
    String password = System.getenv("PGPASSWORD");

    @Option(names = "--kafka", description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String kafka = "localhost:" + LocalShopOptions.DEFAULT_KAFKA_PORT;

    @Option(names = "--quiet-timeout", description = "How long to wait for the shop to be quiet, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration quietTimeout = Duration.ofMinutes(1);

    @Override
    public Integer call() throws Exception {
        ShopConnections connections = new ShopConnections(postgresHost, postgresPort, user, user == null ? null : password, kafka);
        ShopAudit.Report report = new ShopAudit(connections).run(quietTimeout);
        report.print(System.out);
        if (!report.violations().isEmpty()) {
            return 1;
        }
        return report.unquiet().isEmpty() ? 0 : 2;
    }
}
