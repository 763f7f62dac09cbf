package io.github.octocat.inventory.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;

/** The probes while the database is down: only the liveness probe still answers 200. */
class HealthControllerTest {

    HealthEndpoint health;
    HealthController probes;

    @BeforeEach
    void databaseDown() {
        health = mock(HealthEndpoint.class);
        when(health.healthForPath("db")).thenReturn(Health.down().build());
        ApplicationAvailability availability = mock(ApplicationAvailability.class);
        when(availability.getLivenessState()).thenReturn(LivenessState.CORRECT);
        probes = new HealthController(health, availability);
    }

    @Test
    void readinessIs503() {
        assertThat(probes.ready().getStatusCode().value()).isEqualTo(503);
        assertThat(probes.ready().getBody()).containsEntry("status", "unavailable");
    }

    @Test
    void livenessIs200AndDoesNotAskTheDatabase() {
        assertThat(probes.live().getStatusCode().value()).isEqualTo(200);
        assertThat(probes.live().getBody()).containsEntry("status", "ok");
        verifyNoInteractions(health);
    }
}
