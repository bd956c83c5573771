package dev.fashionshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import dev.fashionshop.support.domain.IllegalTransitionException;
import dev.fashionshop.support.domain.TransitionTable;

/** Walks a transition table: every move it should allow, and every other one it should refuse. */
public final class TransitionTables {

    private TransitionTables() {
    }

    /**
     * Checks every pair of states: the moves of {@code allowed} are allowed, all others refused with an
     * {@link IllegalTransitionException} naming the state moved from; a state {@code allowed} has no moves for is final.
     */
    public static <S extends Enum<S>> void assertAllowsExactly(TransitionTable<S> table, Class<S> states,
            Map<S, Set<S>> allowed) {
        for (S from : states.getEnumConstants()) {
            Set<S> next = allowed.getOrDefault(from, Set.of());
            assertThat(table.isFinal(from)).as("%s is final", from).isEqualTo(next.isEmpty());
            for (S to : states.getEnumConstants()) {
                boolean expected = next.contains(to);
                assertThat(table.allows(from, to)).as("%s -> %s", from, to).isEqualTo(expected);
                if (expected) {
                    table.check(from, to, "The subject", Map.of("subjectId", "s-1"));
                } else {
                    assertThatThrownBy(() -> table.check(from, to, "The subject", Map.of("subjectId", "s-1")))
                            .isInstanceOfSatisfying(IllegalTransitionException.class, refused -> {
                                assertThat(refused.currentState()).isEqualTo(from);
                                assertThat(refused.subject()).containsEntry("subjectId", "s-1");
                                assertThat(refused).hasMessage("The subject is " + from + " and cannot become " + to);
                            });
                }
            }
        }
    }
}
