package io.github.octocat.inventory.item;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.octocat.inventory.item.dto.ItemRequest;
import io.github.octocat.inventory.web.JsonBodies;
import io.github.octocat.inventory.web.JsonConfig;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Slice test of the items web layer: the controller, JSON binding, Bean Validation (in the
 * real service) and the error handler, with the repository mocked. Every invalid value of the
 * model must be a 422 problem naming its field, and must never reach the repository.
 */
@WebMvcTest(ItemController.class)
@Import({JsonConfig.class, JsonBodies.class, ItemMapper.class, ItemService.class})
class ItemControllerTest {

    static final String PATH = "/api/v1/items";
    static final String EXAMPLE = "{\"title\":\"Title 0\",\"done\":false}";
    static final String MINIMAL = "{\"title\":\"Title 2\"}";
    static final String ID = "1";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonBodies bodies;

    @Autowired
    ObjectMapper json;

    @Autowired
    ItemMapper mapper;

    @MockitoBean
    ItemRepository repository;

    @BeforeEach
    void saveGivesAnId() {
        when(repository.saveAndFlush(any())).thenAnswer(call -> {
            Item entity = call.getArgument(0);
            ReflectionTestUtils.setField(entity, "id", 1L);
            return entity;
        });
    }

    private void stored() throws Exception {
        Item entity = new Item();
        mapper.copy(bodies.merge(ItemRequest.defaults(), json.readTree(EXAMPLE), ItemRequest.class), entity);
        ReflectionTestUtils.setField(entity, "id", 1L);
        when(repository.findById(any())).thenReturn(Optional.of(entity));
    }

    @Test
    void createAppliesTheDefaultsAndAnswers201WithLocation() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(MINIMAL))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", PATH + "/" + ID))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.done").value(json.readTree("false").asBoolean()))
                .andExpect(jsonPath("$.created_at").isNotEmpty());
    }

    @Test
    void titleInvalidValuesAre422s() throws Exception {
        String[] samples = {
            // null for a required field
            "{\"title\":null,\"done\":false}",
            // a number instead of a string
            "{\"title\":12345,\"done\":false}",
            // a string holding U+0000
            "{\"title\":\"bad\\u0000value\",\"done\":false}",
            // a string holding a lone surrogate
            "{\"title\":\"bad\\ud800value\",\"done\":false}",
            // a blank string
            "{\"title\":\"   \",\"done\":false}",
            // a string of spaces only some runtimes trim
            "{\"title\":\"\u00a0\u200b\ufeff\u3000\",\"done\":false}",
            // one character too long
            "{\"title\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"done\":false}",
        };
        for (String body : samples) {
            mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("title")));
        }
        verify(repository, never()).saveAndFlush(any());
    }

    /** Control characters are text: only white space makes a required string blank. */
    @Test
    void titleOfControlCharactersIsNotBlank() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\\u0001\\u0001\",\"done\":false}"))
                .andExpect(status().isCreated());
    }

    @Test
    void doneInvalidValuesAre422s() throws Exception {
        String[] samples = {
            // null for a field with a default
            "{\"title\":\"Title 0\",\"done\":null}",
            // a string instead of true or false
            "{\"title\":\"Title 0\",\"done\":\"true\"}",
            // a number instead of true or false
            "{\"title\":\"Title 0\",\"done\":1}",
        };
        for (String body : samples) {
            mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("done")));
        }
        verify(repository, never()).saveAndFlush(any());
    }

    @Test
    void patchingNullIntoTitleIsA422() throws Exception {
        stored();
        mvc.perform(patch(PATH + "/" + ID).contentType("application/merge-patch+json").content("{\"title\":null}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")));
        verify(repository, never()).saveAndFlush(any());
    }

    @Test
    void patchingNullIntoDoneIsA422() throws Exception {
        stored();
        mvc.perform(patch(PATH + "/" + ID).contentType("application/merge-patch+json").content("{\"done\":null}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("done")));
        verify(repository, never()).saveAndFlush(any());
    }

    @Test
    void patchChangesOnlyWhatIsSent() throws Exception {
        stored();
        mvc.perform(patch(PATH + "/" + ID).contentType("application/merge-patch+json").content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(1));
    }

    @Test
    void unknownKeysAre422sNamingThem() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"no_such_field\":1}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("no_such_field"));
    }

    @Test
    void bodiesThatAreNotOneJsonObjectAre400s() throws Exception {
        for (String body : new String[] {"", "{", "[]", "\"text\"", "42", EXAMPLE + " x", EXAMPLE + EXAMPLE,
                "{\"a\":" + "[".repeat(65) + "]".repeat(65) + "}"}) {
            mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verify(repository, never()).saveAndFlush(any());
    }

    @Test
    void bodiesThatAreNotJsonAre415s() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.TEXT_PLAIN).content(EXAMPLE))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(put(PATH + "/" + ID).content(EXAMPLE))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void jsonMediaTypesAreAccepted() throws Exception {
        for (String type : new String[] {"application/json; charset=utf-8", "application/vnd.api+json"}) {
            mvc.perform(post(PATH).contentType(type).content(EXAMPLE)).andExpect(status().isCreated());
        }
    }

    @Test
    void anUnknownOrMalformedIdIs404() throws Exception {
        for (String id : new String[] {ID, "abc", "-1", "99999999999999999999999"}) {
            mvc.perform(get(PATH + "/" + id))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        mvc.perform(put(PATH).contentType(MediaType.APPLICATION_JSON).content(EXAMPLE))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().exists("Allow"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void badListParametersAre400s() throws Exception {
        for (String query : new String[] {"limit=0", "limit=101", "limit=abc", "limit=", "offset=-1",
                "offset=9223372036854775808", "sort=no_such_field", "sort=-id,id", "offset=1&offset=2",
                "done=not-a-value", "done=1&done=2",
        }) {
            mvc.perform(get(PATH + "?" + query)).andExpect(status().isBadRequest());
        }
    }
}
