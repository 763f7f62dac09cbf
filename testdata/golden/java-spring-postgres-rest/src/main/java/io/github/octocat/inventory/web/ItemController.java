package io.github.octocat.inventory.web;

import io.github.octocat.inventory.domain.Item;
import io.github.octocat.inventory.domain.ItemInput;
import io.github.octocat.inventory.domain.ItemPage;
import io.github.octocat.inventory.domain.ItemService;
import io.github.octocat.inventory.domain.InvalidInputException;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The REST API for items, under {@value #PATH}; described in api/openapi.yaml. */
@RestController
@RequestMapping(ItemController.PATH)
public class ItemController {

    static final String PATH = "/api/v1/items";

    private final ItemService service;

    public ItemController(ItemService service) {
        this.service = service;
    }

    @PostMapping
    public ResponseEntity<Item> create(@Valid @RequestBody ItemInput input) {
        Item created = service.create(input);
        return ResponseEntity.created(URI.create(PATH + "/" + created.getId())).body(created);
    }

    @GetMapping
    public ItemPage list(@RequestParam(required = false) String limit,
                       @RequestParam(required = false) String offset) {
        return service.list(parse("limit", limit, ItemService.DEFAULT_LIMIT), parse("offset", offset, 0));
    }

    @GetMapping("/{id}")
    public Item get(@PathVariable String id) {
        return service.get(id);
    }

    @PutMapping("/{id}")
    public Item update(@PathVariable String id, @Valid @RequestBody ItemInput input) {
        return service.update(id, input);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id) {
        service.delete(id);
    }

    /** Query parameters are read as text so that "abc" or "1.5" is a clear 400, not a 500. */
    private static int parse(String name, String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a whole number");
        }
    }
}
