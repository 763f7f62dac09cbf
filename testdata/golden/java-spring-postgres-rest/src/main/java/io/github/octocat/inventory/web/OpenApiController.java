package io.github.octocat.inventory.web;

import java.io.IOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the API description, api/openapi.yaml, which the build packs into the jar. */
@RestController
public class OpenApiController {

    private final byte[] spec;

    public OpenApiController() throws IOException {
        Resource resource = new ClassPathResource("api/openapi.yaml");
        this.spec = resource.getContentAsByteArray();
    }

    @GetMapping("/openapi.yaml")
    public ResponseEntity<byte[]> openApi() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/yaml"))
                .body(spec);
    }
}
