package io.github.octocat.inventory.item;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.octocat.inventory.item.dto.ItemRequest;
import io.github.octocat.inventory.item.dto.ItemResponse;
import io.github.octocat.inventory.shared.ListQuery;
import io.github.octocat.inventory.shared.QueryValues;
import io.github.octocat.inventory.web.JsonBodies;
import io.github.octocat.inventory.web.PageResponse;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API for items, under {@value #PATH}; described in api/openapi.yaml.
 * Bodies are read as a JSON tree and bound by {@link JsonBodies} (defaults, merge patch),
 * then validated by the service.
 */
@RestController
@RequestMapping(ItemController.PATH)
public class ItemController {

    static final String PATH = "/api/v1/items";

    /** What ?sort= accepts, and the property each name orders by. */
    static final Map<String, String> SORTABLE = Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("title", "title"),
            Map.entry("done", "done"),
            Map.entry("created_at", "createdAt"),
            Map.entry("updated_at", "updatedAt"));

    /** The equality filters (?field=value). */
    static final Set<String> FILTERS = Set.of("title", "done");

    private final ItemService service;
    private final ItemMapper mapper;
    private final JsonBodies bodies;

    public ItemController(ItemService service, ItemMapper mapper, JsonBodies bodies) {
        this.service = service;
        this.mapper = mapper;
        this.bodies = bodies;
    }

    @PostMapping
    public ResponseEntity<ItemResponse> create(@RequestBody JsonNode body) {
        ItemRequest request = bodies.merge(ItemRequest.defaults(), body, ItemRequest.class);
        ItemResponse created = mapper.toResponse(service.create(request));
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @GetMapping
    public PageResponse<ItemResponse> list(@RequestParam MultiValueMap<String, String> query) {
        ListQuery paging = ListQuery.parse(query, SORTABLE, FILTERS);
        Item probe = new Item();
        if (query.containsKey("title")) {
            String value = query.getFirst("title");
            probe.setTitle(value == null ? "" : value);
        }
        if (query.containsKey("done")) {
            String value = query.getFirst("done");
            probe.setDone(QueryValues.parseBoolean("done", value));
        }
        Page<Item> page = service.list(probe, paging);
        return new PageResponse<>(page.getContent().stream().map(mapper::toResponse).toList(),
                page.getTotalElements(), paging.limit(), paging.offset());
    }

    @GetMapping("/{id}")
    public ItemResponse get(@PathVariable String id) {
        return mapper.toResponse(service.get(id));
    }

    @PutMapping("/{id}")
    public ItemResponse replace(@PathVariable String id, @RequestBody JsonNode body) {
        ItemRequest request = bodies.merge(ItemRequest.defaults(), body, ItemRequest.class);
        return mapper.toResponse(service.replace(id, request));
    }

    /** A JSON merge patch (RFC 7396): absent keys keep their value, null clears a nullable field. */
    @PatchMapping("/{id}")
    public ItemResponse patch(@PathVariable String id, @RequestBody JsonNode body) {
        ItemRequest request = bodies.merge(mapper.toRequest(service.get(id)), body, ItemRequest.class);
        return mapper.toResponse(service.replace(id, request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id) {
        service.delete(id);
    }
}
