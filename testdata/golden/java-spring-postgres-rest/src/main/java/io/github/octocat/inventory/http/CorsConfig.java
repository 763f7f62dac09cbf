package io.github.octocat.inventory.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS: which web pages, served from other origins, may call the API from a browser.
 * {@code CORS_ORIGINS} (a comma list of exact origins such as {@code http://localhost:5173})
 * becomes {@code app.cors.allowed-origins} in application.properties; when it is unset or
 * empty, the filter is not registered at all and no answer carries a CORS header.
 *
 * <p>Spring's {@link CorsFilter}, a servlet filter, rather than Spring MVC's
 * {@code WebMvcConfigurer#addCorsMappings}: it runs in front of every servlet, so it also covers
 * what Spring MVC never sees.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsConfig.CorsProperties.class)
public class CorsConfig {

    /** {@code app.cors.*}: the origins allowed, blanks and spaces around the commas ignored. */
    @ConfigurationProperties("app.cors")
    public record CorsProperties(@Nullable List<String> allowedOrigins) {

        public CorsProperties {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        }
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/**", corsConfiguration(properties.allowedOrigins(),
                List.of("GET", "POST", "PUT", "PATCH", "DELETE"), List.of("Content-Type")));
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ListedOriginsProcessor());
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(!properties.allowedOrigins().isEmpty());
        // Right after HttpGuardFilter, so that the preflight answers carry its headers too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Exact origins only (never {@code *}) and no credentials: the API uses no cookies. */
    static CorsConfiguration corsConfiguration(List<String> origins, List<String> methods, List<String> headers) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(methods);
        cors.setAllowedHeaders(headers);
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        return cors;
    }

    /**
     * Spring's processor, except that an actual request from an origin not in the list is
     * answered as usual, only without CORS headers (the browser then keeps the answer from
     * the page), where Spring would answer 403. A refused preflight is still a 403.
     */
    static final class ListedOriginsProcessor extends DefaultCorsProcessor {

        @Override
        public boolean processRequest(@Nullable CorsConfiguration config, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
            if (config != null && !CorsUtils.isPreFlightRequest(request)
                    && config.checkOrigin(request.getHeader(HttpHeaders.ORIGIN)) == null) {
                response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
                return true;
            }
            return super.processRequest(config, request, response);
        }
    }
}
