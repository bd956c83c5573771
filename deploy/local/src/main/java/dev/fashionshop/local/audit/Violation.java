package dev.fashionshop.local.audit;

/**
 * A broken invariant of DESIGN.md: which one, what it concerns (an order id, or a SKU for stock) and
 * what was found.
 */
public record Violation(int invariant, String subject, String finding) {

    @Override
    public String toString() {
        return "invariant " + invariant + "  " + subject + "  " + finding;
    }
}
