package dev.fashionshop.order.domain;

import java.util.List;

/** An order whose lines do not match the catalogue: nothing is stored, the buyer is told what is wrong. */
public class InvalidOrderException extends RuntimeException {

    public record Violation(String field, String message) {
    }

    public final List<Violation> violations;

    public InvalidOrderException(List<Violation> violations) {
        super("The order does not match the catalogue");
        this.violations = List.copyOf(violations);
    }
}
