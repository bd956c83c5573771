package dev.fashionshop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The topics table of docs/events.md, read as the contract between the services: which service publishes
 * which events on which topic, and which services consume it. Producers and consumers are each tested
 * against it, since no service sees another's types.
 */
public record EventCatalogue(List<Topic> topics) {

    /** A row of the table: {@code | `orders` | order-service | OrderPlaced, OrderCancelled | store-service, ... |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| ([a-z-]+) \\| ([A-Za-z, ]+) \\| ([a-z-, ]+) \\|$");

    public record Topic(String name, String publisher, Set<String> events, Set<String> consumers) {
    }

    /** Reads docs/events.md of the repository the test runs in (a module's directory, or the root). */
    public static EventCatalogue read() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path events = dir.resolve("docs/events.md");
            if (Files.isRegularFile(events)) {
                return parse(events);
            }
        }
        throw new IllegalStateException("No docs/events.md above " + here);
    }

    private static EventCatalogue parse(Path events) {
        try {
            List<Topic> topics = Files.readAllLines(events).stream().map(ROW::matcher).filter(Matcher::matches)
                    .map(row -> new Topic(row.group(1), row.group(2), names(row.group(3)), names(row.group(4))))
                    .toList();
            if (topics.isEmpty()) {
                throw new IllegalStateException("No topics table in " + events);
            }
            return new EventCatalogue(topics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The topic an event is published on, if the catalogue lists it. */
    public Optional<Topic> topicOf(String eventType) {
        return topics.stream().filter(topic -> topic.events().contains(eventType)).findFirst();
    }

    public Optional<Topic> topic(String name) {
        return topics.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }
}
