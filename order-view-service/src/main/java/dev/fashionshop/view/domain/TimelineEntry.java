package dev.fashionshop.view.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event in an order's life, when it happened. */
@Entity
@Table(name = "order_timeline")
public class TimelineEntry {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "order_id")
    public UUID orderId;
    public String event;
    public Instant at;
}
