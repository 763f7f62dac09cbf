package io.github.octocat.inventory.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.octocat.inventory.domain.Item;
import io.github.octocat.inventory.domain.ItemInput;
import io.github.octocat.inventory.domain.ItemService;
import io.github.octocat.inventory.domain.InvalidInputException;
import io.github.octocat.inventory.domain.NotFoundException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Slice test of the REST layer: HTTP in, JSON out, with the service mocked. */
@WebMvcTest(ItemController.class)
@Import(JsonConfig.class)
class ItemControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ItemService service;

    @Test
    void createAnswers201WithLocation() throws Exception {
        Item saved = new Item("write tests", false, Instant.parse("2025-01-31T12:00:00Z"));
        when(service.create(any())).thenReturn(saved);

        mvc.perform(post("/api/v1/items").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"write tests\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.title").value("write tests"))
                .andExpect(jsonPath("$.done").value(false))
                .andExpect(jsonPath("$.created_at").value("2025-01-31T12:00:00Z"));
        verify(service).create(new ItemInput("write tests", null));
    }

    @Test
    void malformedJsonIs400Problem() throws Exception {
        mvc.perform(post("/api/v1/items").contentType(MediaType.APPLICATION_JSON).content("{\"title\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
        verify(service, never()).create(any());
    }

    @Test
    void invalidTitlesAre422Problems() throws Exception {
        for (String body : new String[] {"{}", "{\"title\":\"\"}", "{\"title\":null}", "{\"title\":123}",
                "{\"title\":\"" + "x".repeat(201) + "\"}", "{\"title\":\"ok\",\"done\":\"maybe\"}"}) {
            mvc.perform(post("/api/v1/items").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(422));
        }
        verify(service, never()).create(any());
    }

    @Test
    void unknownIdIs404Problem() throws Exception {
        when(service.get(eq("42"))).thenThrow(new NotFoundException("42"));

        mvc.perform(get("/api/v1/items/42"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not Found"));
    }

    @Test
    void badPagingIs400Problem() throws Exception {
        mvc.perform(get("/api/v1/items?limit=abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        when(service.list(0, 0)).thenThrow(new InvalidInputException("limit must be between 1 and 100"));
        mvc.perform(get("/api/v1/items?limit=0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("limit must be between 1 and 100"));
    }
}
