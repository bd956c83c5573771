package dev.fashionshop.support.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves an aggregate's states allow: every state change of the shop goes through one, and a move
 * it does not list is refused ({@link IllegalTransitionException}: a 409 on REST; a late or duplicate
 * event is ignored and logged). A state with no move out is final.
 */
public final class TransitionTable<S extends Enum<S>> {

    private final Map<S, Set<S>> next;

    private TransitionTable(Map<S, Set<S>> next) {
        this.next = next;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> states) {
        return new Builder<>(states);
    }

    public boolean allows(S from, S to) {
        return next.get(from).contains(to);
    }

    /** The states {@code from} may move to. */
    public Set<S> nextOf(S from) {
        return Collections.unmodifiableSet(next.get(from));
    }

    public boolean isFinal(S state) {
        return next.get(state).isEmpty();
    }

    /**
     * Refuses a move the table does not allow.
     *
     * @param what what moves, for the refusal's message: e.g. {@code "Order " + id}
     * @param subject its identifiers, for the refusal's problem: e.g. {@code Map.of("orderId", id)}
     */
    public void check(S from, S to, String what, Map<String, ?> subject) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(what + " is " + from + " and cannot become " + to, subject, from);
        }
    }

    public static final class Builder<S extends Enum<S>> {

        private final Map<S, Set<S>> next;

        private Builder(Class<S> states) {
            this.next = new EnumMap<>(states);
            for (S state : states.getEnumConstants()) {
                next.put(state, EnumSet.noneOf(states));
            }
        }

        @SafeVarargs
        public final Builder<S> allow(S from, S... to) {
            next.get(from).addAll(Set.of(to));
            return this;
        }

        public TransitionTable<S> build() {
            return new TransitionTable<>(next);
        }
    }
}
