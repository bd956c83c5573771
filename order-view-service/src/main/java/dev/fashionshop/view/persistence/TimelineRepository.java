package dev.fashionshop.view.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.view.domain.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, String> {
}
