package io.github.octocat.inventory.health;

import java.util.Map;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The health probes, each answering 200 {@code {"status":"ok"}} or 503 {@code {"status":"unavailable"}}.
 *
 * <ul>
 *   <li>{@code GET /healthz} and {@code GET /readyz}: whether the database answers, as Spring Boot
 *       Actuator's "db" (DataSource) health indicator sees it;
 *   <li>{@code GET /livez}: whether the application is alive (Spring Boot's liveness state); it does
 *       not ask the database, so a database outage does not get the service restarted.
 * </ul>
 */
@RestController
public class HealthController {

    private static final ResponseEntity<Map<String, String>> UP = ResponseEntity.ok(Map.of("status", "ok"));
    private static final ResponseEntity<Map<String, String>> DOWN =
            ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "unavailable"));

    private final HealthEndpoint health;
    private final ApplicationAvailability availability;

    public HealthController(HealthEndpoint health, ApplicationAvailability availability) {
        this.health = health;
        this.availability = availability;
    }

    @GetMapping(path = {"/healthz", "/readyz"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> ready() {
        HealthComponent database = health.healthForPath("db");
        return database != null && Status.UP.equals(database.getStatus()) ? UP : DOWN;
    }

    @GetMapping(path = "/livez", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> live() {
        return availability.getLivenessState() == LivenessState.CORRECT ? UP : DOWN;
    }
}
