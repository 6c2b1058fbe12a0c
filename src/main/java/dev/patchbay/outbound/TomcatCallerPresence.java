package dev.patchbay.outbound;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tells whether a Tomcat request's client closed its connection, without writing to it.
 *
 * <p><b>Why Tomcat's own calls.</b> The Servlet API has no way to learn that a client went away
 * except a failing write, and a request still waiting for its start has nothing to write yet.
 * Asynchronous processing does not help: while a request is in async mode Tomcat does not watch its
 * socket at all (its {@code AbstractProtocol.ConnectionHandler.longPoll} registers read interest only
 * for a request that is <em>not</em> async), so an {@code AsyncListener} hears of a closed connection
 * only on the next write too. What Tomcat does offer is a non-blocking read of the socket
 * ({@code ActionCode.AVAILABLE} with {@code true}): once the request body has been read, the socket
 * is at the end of the stream if the client closed, and that read fails; otherwise it reads nothing,
 * or the start of a pipelined next request, which Tomcat keeps for later.
 *
 * <p>Both "closed" and "bytes arrived" make Tomcat report one byte available, so the probe tells them
 * apart by asking again: after the end of the stream nothing is buffered and the read fails again,
 * while bytes that arrived stay buffered (reported without a read, or no further read is tried).
 * A request whose body has not been read yet (a proxied body is streamed to the system only once the
 * request starts) is not probed: reading would consume it. The probe runs only on the thread that
 * serves the request, as Tomcat's request processing requires.
 */
final class TomcatCallerPresence implements CallerPresence {

    private final org.apache.coyote.Request request;

    private TomcatCallerPresence(org.apache.coyote.Request request) {
        this.request = request;
    }

    @Override
    public boolean isGone() {
        if (!request.isRequestThread()) {
            return false;
        }
        AtomicBoolean bodyRead = new AtomicBoolean();
        request.action(ActionCode.REQUEST_BODY_FULLY_READ, bodyRead);
        if (!bodyRead.get() || available(false) > 0) {
            return false; // an unread body or bytes already buffered: the socket cannot be probed without consuming them
        }
        return available(true) > 0 && available(false) == 0 && available(true) > 0;
    }

    /** What Tomcat reports available; with {@code read} it first tries one non-blocking read of the socket. */
    private int available(boolean read) {
        request.action(ActionCode.AVAILABLE, read);
        return request.getAvailable();
    }

    /** Leaves a probe on every request, for the waits of the send path (see {@link CallerPresence#current()}). */
    static final class Valve extends ValveBase {

        Valve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            // HTTP/1.x only: the probe reads the connection, which under HTTP/2 carries other streams too.
            if (request.getProtocol() != null && request.getProtocol().startsWith("HTTP/1")) {
                request.setAttribute(ATTRIBUTE, new TomcatCallerPresence(request.getCoyoteRequest()));
            }
            getNext().invoke(request, response);
        }
    }

    @Component
    static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextValves(new Valve());
        }
    }
}
