package io.github.octocat.inventory.item;

import io.github.octocat.inventory.item.dto.ItemRequest;
import io.github.octocat.inventory.shared.ListQuery;
import io.github.octocat.inventory.shared.NotFoundException;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The items use cases, called by the REST controller. Every request is checked
 * by Bean Validation here ({@code @Valid}, a {@code ConstraintViolationException} when it
 * fails), so no caller can store an invalid item.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class ItemService {

    private final ItemRepository repository;
    private final ItemMapper mapper;

    public ItemService(ItemRepository repository, ItemMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Transactional
    public Item create(@Valid ItemRequest request) {
        Item entity = new Item();
        mapper.copy(request, entity);
        Instant now = now();
        entity.setCreatedAt(now);
        entity.setUpdatedAt(now);
        return store(entity);
    }

    public Item get(String id) {
        return repository.findById(parseId(id)).orElseThrow(() -> new NotFoundException("item", id));
    }

    /** One page of the items equal to the probe's non-null fields, in the query's order. */
    public Page<Item> list(Item probe, ListQuery query) {
        Example<Item> example = Example.of(probe);
        if (query.offset() > Integer.MAX_VALUE) {
            // Past any page there can be: count only (JPA cannot skip more than 2^31 rows).
            return new PageImpl<>(List.of(), query.pageable(), repository.count(example));
        }
        return repository.findAll(example, query.pageable());
    }

    @Transactional
    public Item replace(String id, @Valid ItemRequest request) {
        Item entity = get(id);
        mapper.copy(request, entity);
        entity.setUpdatedAt(now());
        return store(entity);
    }

    @Transactional
    public void delete(String id) {
        repository.delete(get(id));
    }

    /** Writes at once, so that a unique clash is raised here, as a DataIntegrityViolationException. */
    private Item store(Item entity) {
        return repository.saveAndFlush(entity);
    }

    /** Milliseconds: every database stores them as they are. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Long parseId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // not a number: no such record
        }
        throw new NotFoundException("item", id);
    }
}
