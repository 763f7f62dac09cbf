package io.github.octocat.inventory.web;

import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Swagger UI on /docs for the committed api/openapi.yaml, without springdoc's generated
 * description ({@code springdoc.api-docs.enabled=false}): these are the beans the UI needs
 * that springdoc would otherwise only create together with its /v3/api-docs endpoint.
 */
@Configuration
public class DocsConfig {

    @Bean
    SpringDocConfiguration springDocConfiguration() {
        return new SpringDocConfiguration();
    }

    @Bean
    SpringDocConfigProperties springDocConfigProperties() {
        return new SpringDocConfigProperties();
    }

    @Bean
    ObjectMapperProvider objectMapperProvider(SpringDocConfigProperties properties) {
        return new ObjectMapperProvider(properties);
    }
}
