package dev.fashionshop.support.reactive;

import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Runs one asynchronous step per element, each after the previous one completed: what a reactive
 * Hibernate session needs, since it runs one operation at a time.
 * <p>
 * A stream rather than a loop of {@code uni = uni.chain(...)}: such a chain is as deep as the list is
 * long, and a failure unwinds it frame by frame on the event loop's stack. A catalogue item with
 * 1,500 variants overflowed it (seen with the C1 compiler only, which inlines less).
 */
public final class InSequence {

    private InSequence() {
    }

    public static <T> Uni<Void> inSequence(Iterable<T> elements, Function<? super T, ? extends Uni<?>> step) {
        return Multi.createFrom().iterable(elements)
                .onItem().transformToUniAndConcatenate(element -> step.apply(element).replaceWithVoid())
                .collect().last()
                .replaceWithVoid();
    }
}
