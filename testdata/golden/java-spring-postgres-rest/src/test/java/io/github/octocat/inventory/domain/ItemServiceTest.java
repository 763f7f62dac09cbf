package io.github.octocat.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.octocat.inventory.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/**
 * Integration test of the service and the repository against the real database
 * (DATABASE_URL), with the Flyway migrations applied.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(ValidationAutoConfiguration.class)
@Import(ItemService.class)
class ItemServiceTest extends TestDatabase {

    @Autowired
    ItemService service;

    @Test
    void createThenGetReturnsTheSameItem() {
        Item created = service.create(new ItemInput("write tests", null));

        assertThat(created.getId()).isNotNull();
        assertThat(created.isDone()).isFalse();
        assertThat(created.getCreatedAt()).isNotNull();
        Item read = service.get(String.valueOf(created.getId()));
        assertThat(read.getTitle()).isEqualTo("write tests");
        assertThat(read.getCreatedAt()).isEqualTo(created.getCreatedAt());
    }

    @Test
    void updateReplacesTitleAndDone() {
        Item created = service.create(new ItemInput("draft", true));

        Item updated = service.update(String.valueOf(created.getId()), new ItemInput("final", null));

        assertThat(updated.getTitle()).isEqualTo("final");
        assertThat(updated.isDone()).isFalse();
        assertThat(service.get(String.valueOf(created.getId())).getTitle()).isEqualTo("final");
    }

    @Test
    void deleteRemovesIt() {
        String id = String.valueOf(service.create(new ItemInput("short-lived", false)).getId());

        service.delete(id);

        assertThatThrownBy(() -> service.get(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void malformedIdsAreNotFound() {
        assertThatThrownBy(() -> service.get("not-an-id")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get("99999999999999999999999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listPagesWithLimitAndOffset() {
        for (int i = 0; i < 3; i++) {
            service.create(new ItemInput("page " + i, false));
        }
        ItemPage first = service.list(2, 0);
        assertThat(first.items()).hasSize(2);
        assertThat(first.total()).isGreaterThanOrEqualTo(3);

        ItemPage beyond = service.list(2, (int) first.total());
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(first.total());
    }

    @Test
    void titlesAreCheckedInCharactersNotBytes() {
        String nonAscii = "é".repeat(199) + "✓";
        assertThat(service.create(new ItemInput(nonAscii, false)).getTitle()).isEqualTo(nonAscii);

        assertThatThrownBy(() -> service.create(new ItemInput("", false)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.create(new ItemInput("x".repeat(201), false)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.create(new ItemInput(null, false)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void pagingBoundsAreChecked() {
        assertThatThrownBy(() -> service.list(0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.list(101, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.list(10, -1)).isInstanceOf(InvalidInputException.class);
    }
}
