package io.github.octocat.inventory.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * TRACE is answered like any other method no route takes: a 405 problem with {@code Allow}
 * (a 404 problem on an unknown path), with the headers every answer carries. Left alone,
 * Tomcat refuses TRACE itself, before any filter runs, with a bare 405 and an {@code Allow}
 * that lists every method; and the servlet API's own {@code doTrace} would echo the request
 * back (cross-site tracing). So Tomcat lets TRACE through, and the DispatcherServlet handles it
 * as an ordinary request that no handler matches, never echoing it.
 */
@Configuration(proxyBeanMethods = false)
public class TraceConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> traceReachesTheApplication() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    }

    /**
     * Replaces Spring Boot's DispatcherServlet (same defaults; Boot still registers it on "/")
     * so that TRACE goes through the handler mappings and the error handling like the rest.
     */
    @Bean(name = DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
    DispatcherServlet dispatcherServlet() {
        return new DispatcherServlet() {
            @Override
            protected void doTrace(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                processRequest(request, response);
            }
        };
    }
}
