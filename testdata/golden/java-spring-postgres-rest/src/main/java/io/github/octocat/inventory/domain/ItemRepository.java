package io.github.octocat.inventory.domain;

import org.springframework.data.jpa.repository.JpaRepository;

/** Database access for {@link Item}; Spring Data writes the implementation. */
public interface ItemRepository extends JpaRepository<Item, Long> {
}
