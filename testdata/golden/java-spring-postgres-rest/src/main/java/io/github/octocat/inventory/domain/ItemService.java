package io.github.octocat.inventory.domain;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items use cases, shared by the REST controller: validation, paging rules and
 * "not found" handling live here, storage in {@link ItemRepository}.
 */
@Service
public class ItemService {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final ItemRepository repository;
    private final Validator validator;

    public ItemService(ItemRepository repository, Validator validator) {
        this.repository = repository;
        this.validator = validator;
    }

    public Item create(ItemInput input) {
        validate(input);
        // Whole seconds: every database stores and returns the same value.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return repository.save(new Item(input.title(), input.doneOrDefault(), now));
    }

    public Item get(String id) {
        return repository.findById(parseId(id)).orElseThrow(() -> new NotFoundException(id));
    }

    /** One page of items, oldest first; limit 1–{@value #MAX_LIMIT}, offset 0 or more. */
    public ItemPage list(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset must be 0 or more");
        }
        Page<Item> page = repository.findAll(new OffsetPageable(limit, offset, Sort.by("id")));
        return new ItemPage(page.getContent(), page.getTotalElements(), limit, offset);
    }

    @Transactional
    public Item update(String id, ItemInput input) {
        validate(input);
        Item existing = get(id);
        existing.setTitle(input.title());
        existing.setDone(input.doneOrDefault());
        return repository.save(existing);
    }

    @Transactional
    public void delete(String id) {
        Item existing = get(id);
        repository.delete(existing);
    }

    private void validate(ItemInput input) {
        if (input == null) {
            throw new InvalidInputException("a item is required");
        }
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(ConstraintViolation::getMessage)
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; ")));
        }
    }

    /** Ids are opaque to clients: one that cannot exist in the database is simply not found. */
    private static Long parseId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // fall through
        }
        throw new NotFoundException(String.valueOf(id));
    }
}
