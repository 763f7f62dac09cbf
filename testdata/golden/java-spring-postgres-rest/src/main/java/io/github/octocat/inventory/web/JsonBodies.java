package io.github.octocat.inventory.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.octocat.inventory.shared.BadRequestException;
import io.github.octocat.inventory.shared.InvalidFieldException;
import org.springframework.stereotype.Component;

/**
 * Binds a JSON body to a request record as a JSON merge patch (RFC 7396) onto a base value:
 * the defaults for POST and PUT, the stored values for PATCH. A key that is absent keeps the
 * base value; a key that is present, even as {@code null}, replaces it. That is how an absent
 * field gets its default while an explicit {@code null} is refused by {@code @NotNull} —
 * Jackson alone cannot tell the two apart on a record.
 */
@Component
public class JsonBodies {

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T merge(T base, JsonNode body, Class<T> type) {
        if (!(body instanceof ObjectNode patch)) {
            throw new BadRequestException("the request body must be a JSON object");
        }
        ObjectNode merged = mapper.valueToTree(base);
        merged.setAll(patch);
        try {
            return mapper.treeToValue(merged, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidFieldException(e.getPropertyName(), "is not a field of this resource");
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new InvalidFieldException(field, "has a value of the wrong type or out of range");
        } catch (JacksonException e) {
            String field = e.getProcessor() instanceof JsonParser parser ? currentName(parser) : null;
            throw new InvalidFieldException(field, "has a value of the wrong type or out of range");
        }
    }

    private static String currentName(JsonParser parser) {
        try {
            return parser.currentName();
        } catch (Exception e) {
            return null;
        }
    }
}
