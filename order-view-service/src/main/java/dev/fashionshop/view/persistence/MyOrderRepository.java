package dev.fashionshop.view.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.view.domain.MyOrder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MyOrderRepository implements PanacheRepositoryBase<MyOrder, UUID> {
}
