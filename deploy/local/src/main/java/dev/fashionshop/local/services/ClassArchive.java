package dev.fashionshop.local.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which class-data archive a service's JVM starts from, or writes. Two archives may sit beside a service's
 * {@code quarkus-run.jar}:
 * <ul>
 * <li>{@value #TRAINED}, written by {@code shop-local train} from a run of the whole shop: every class a
 * service loads to start, connect and take an order through the saga;</li>
 * <li>{@value #BUILT}, written by the Quarkus build, which stops the application before it connects to
 * anything: about a third of those classes.</li>
 * </ul>
 * The trained one is preferred. A service's build empties its {@code quarkus-app} directory, so a service
 * rebuilt since the training starts from its build's archive (the JVM would refuse one trained on other
 * classes). A service that trains writes its archive when its JVM exits, under a temporary name that
 * {@link #promote(Path)} turns into the trained archive once the JVM has exited by itself.
 */
public enum ClassArchive {

    /** Start from the best archive there is. */
    USE,
    /** Write an archive of everything the JVM loaded, at its exit. */
    TRAIN;

    public static final String TRAINED = "app-cds-trained.jsa";
    public static final String BUILT = "app-cds.jsa";
    static final String TRAINING = TRAINED + ".part";

    /** The JVM options for the service whose runnable jar is given. */
    public List<String> jvmOptions(Path jar) {
        if (this == TRAIN) {
            return List.of("-XX:ArchiveClassesAtExit=" + jar.resolveSibling(TRAINING));
        }
        return archiveToUse(jar).map(archive -> List.of("-XX:SharedArchiveFile=" + archive)).orElse(List.of());
    }

    /** The trained archive, else the built one. */
    static Optional<Path> archiveToUse(Path jar) {
        return Stream.of(TRAINED, BUILT).map(jar::resolveSibling).filter(Files::isRegularFile).findFirst();
    }

    /** Forgets the trained archive of the service, before it trains again. */
    public static void discardTrained(Path jar) throws IOException {
        Files.deleteIfExists(jar.resolveSibling(TRAINED));
        Files.deleteIfExists(jar.resolveSibling(TRAINING));
    }

    /**
     * Makes what a training JVM wrote the service's trained archive; call it once that JVM has exited by
     * itself (one that was killed may have left half an archive). Answers whether there was one.
     */
    public static boolean promote(Path jar) throws IOException {
        Path written = jar.resolveSibling(TRAINING);
        if (!Files.isRegularFile(written)) {
            return false;
        }
        Files.move(written, jar.resolveSibling(TRAINED), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
