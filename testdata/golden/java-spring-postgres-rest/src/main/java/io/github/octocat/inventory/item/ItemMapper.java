package io.github.octocat.inventory.item;

import io.github.octocat.inventory.item.dto.ItemRequest;
import io.github.octocat.inventory.item.dto.ItemResponse;
import org.springframework.stereotype.Component;

/** Copies values between the item entity and its DTOs, so the entity never leaves the service. */
@Component
public class ItemMapper {

    public ItemResponse toResponse(Item entity) {
        return new ItemResponse(
                entity.getId(),
                entity.getTitle(),
                entity.getDone(),
                entity.getCreatedAt(),
                entity.getUpdatedAt());
    }

    /** The stored values as a request, the base a PATCH is merged onto. */
    public ItemRequest toRequest(Item entity) {
        return new ItemRequest(
                entity.getTitle(),
                entity.getDone());
    }

    /** Sets every field of the entity from the request (a full replace). */
    public void copy(ItemRequest request, Item entity) {
        entity.setTitle(request.title());
        entity.setDone(request.done());
    }
}
