package dev.fashionshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.fashionshop.support.messaging.ConsumedEvent;
import dev.fashionshop.support.messaging.ShopEvent;

/**
 * A service's events against the catalogue of docs/events.md, the contract between producers and
 * consumers: every event it publishes is listed under its topic with this service as the publisher, and
 * it publishes every event listed for it; every event it reads is one a producer publishes, on a topic
 * the catalogue lists it as consuming and its consumer subscribes to. A plain unit test: a service's test
 * extends it and names its event types.
 */
public abstract class EventContract {

    private final EventCatalogue catalogue = EventCatalogue.read();

    /** The service's name, as in the catalogue. */
    protected abstract String service();

    /** The sealed interface of each topic the service publishes on, with that topic; none for a service that publishes nothing. */
    protected abstract Map<Class<? extends ShopEvent>, String> publishedEvents();

    /** The class that holds the service's {@link ConsumedEvent} records. */
    protected abstract Class<?> consumedEvents();

    @Test
    void everyEventItPublishesIsListedUnderItsTopicAsItsOwn() {
        publishedEvents().forEach((events, topic) -> {
            Set<String> published = Arrays.stream(events.getPermittedSubclasses()).map(ShopEvent::typeOf)
                    .collect(Collectors.toSet());
            EventCatalogue.Topic listed = catalogue.topic(topic).orElseThrow(() -> new AssertionError("No topic " + topic));
            assertThat(listed.publisher()).as("publisher of %s", topic).isEqualTo(service());
            assertThat(published).as("events %s publishes on %s", service(), topic).isEqualTo(listed.events());
        });
    }

    @Test
    void itPublishesOnEveryTopicTheCatalogueGivesIt() {
        Set<String> listed = catalogue.topics().stream().filter(topic -> topic.publisher().equals(service()))
                .map(EventCatalogue.Topic::name).collect(Collectors.toSet());
        assertThat(Set.copyOf(publishedEvents().values())).isEqualTo(listed);
    }

    @Test
    void everyEventItReadsIsPublishedOnATopicItConsumes() {
        Set<String> subscribed = Set.of(consumerSetting("mp.messaging.incoming.events-in.topics").split(","));
        Set<String> read = Arrays.stream(consumedEvents().getDeclaredClasses())
                .filter(type -> type.isRecord() && ConsumedEvent.class.isAssignableFrom(type))
                .map(ShopEvent::typeOf).collect(Collectors.toSet());
        assertThat(read).isNotEmpty();
        for (String event : read) {
            EventCatalogue.Topic topic = catalogue.topicOf(event)
                    .orElseThrow(() -> new AssertionError(service() + " reads " + event + ", which no producer publishes"));
            assertThat(topic.consumers()).as("consumers of %s", topic.name()).contains(service());
        }
        Set<String> topicsRead = read.stream().map(event -> catalogue.topicOf(event).orElseThrow().name())
                .collect(Collectors.toSet());
        Set<String> listedAsConsumer = catalogue.topics().stream().filter(topic -> topic.consumers().contains(service()))
                .map(EventCatalogue.Topic::name).collect(Collectors.toSet());
        assertThat(topicsRead).as("topics whose events %s reads", service()).isEqualTo(listedAsConsumer);
        assertThat(subscribed).as("topics %s subscribes to", service()).isEqualTo(topicsRead);
    }

    private static String consumerSetting(String name) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream("application.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
