package io.github.octocat.inventory.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

/** Tomcat lets TRACE through to the application, which answers it like any other method. */
class TraceConfigTest {

    @Test
    void tomcatLetsTraceThrough() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new TraceConfig().traceReachesTheApplication().customize(factory);
        Connector connector = new Connector();
        assertThat(connector.getAllowTrace()).isFalse();
        factory.getTomcatConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
        assertThat(connector.getAllowTrace()).isTrue();
    }
}
