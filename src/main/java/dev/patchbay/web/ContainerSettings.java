package dev.patchbay.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat as clients of a Laravel API expect it. Browsers, axios, Python's urllib and {@code curl -g}
 * send {@code filter[system]=1} and {@code |}, {@code {}}, {@code ^} unencoded, and Laravel accepts
 * them; Tomcat refuses them by default (RFC 7230), so every character it can relax is relaxed, in the
 * query and in the path. And whatever the container still refuses is answered by
 * {@link ContainerErrorValve} in JSON, never by Tomcat's HTML page.
 *
 * <p>Runs last, so that it replaces the error valve Spring Boot adds for {@code server.error.*}.
 */
@Component
class ContainerSettings implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /** Every character Tomcat can be told to accept unencoded (its {@code relaxedQueryChars} allow exactly these). */
    static final String RELAXED_CHARS = "\"<>[\\]^`{|}";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("relaxedQueryChars", RELAXED_CHARS);
            connector.setProperty("relaxedPathChars", RELAXED_CHARS);
        });
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ContainerErrorValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standardHost) {
                // The host adds a valve of this class when it starts, unless one is there already.
                standardHost.setErrorReportValveClass(ContainerErrorValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
