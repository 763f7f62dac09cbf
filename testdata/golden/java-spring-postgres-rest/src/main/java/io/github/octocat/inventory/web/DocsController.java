package io.github.octocat.inventory.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /docs}: Swagger UI for api/openapi.yaml. The page is this one string; its scripts
 * and styles come from the swagger-ui webjar that springdoc serves under /swagger-ui/, and
 * springdoc's swagger-initializer.js points the UI at /openapi.yaml (application.properties).
 */
@RestController
public class DocsController {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="application-name" content="inventory API">
              <link rel="stylesheet" href="/swagger-ui/swagger-ui.css">
              <link rel="icon" type="image/png" href="/swagger-ui/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/swagger-ui/swagger-ui-bundle.js"></script>
              <script src="/swagger-ui/swagger-ui-standalone-preset.js"></script>
              <script src="/swagger-ui/swagger-initializer.js"></script>
            </body>
            </html>
            """;

    @GetMapping(path = "/docs", produces = MediaType.TEXT_HTML_VALUE)
    public String docs() {
        return PAGE;
    }
}
