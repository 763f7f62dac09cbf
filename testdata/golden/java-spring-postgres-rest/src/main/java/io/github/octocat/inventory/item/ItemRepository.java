package io.github.octocat.inventory.item;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Database access for {@link Item}; Spring Data writes the implementation. Lists use
 * its Query by Example ({@code findAll(Example, Pageable)}) for the equality filters.
 */
public interface ItemRepository extends JpaRepository<Item, Long> {
}
