package dev.patchbay.outbound;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Whether the client of the request being served is still connected. A request waiting for its pool
 * slot or its rate-limit start asks this now and then, so that a caller who hung up leaves the queue
 * and nothing is sent for it (issue 11, "Waiting").
 */
interface CallerPresence {

    /** For work that no HTTP caller waits on (or a server other than Tomcat): never known to be gone. */
    CallerPresence UNKNOWN = () -> false;

    /** The request attribute under which {@link TomcatCallerPresence.Valve} leaves the probe of each request. */
    String ATTRIBUTE = CallerPresence.class.getName();

    /** True once the caller's connection is known to be closed. Call it on the request's own thread. */
    boolean isGone();

    /** The probe of the request the current thread serves, or {@link #UNKNOWN}. */
    static CallerPresence current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object probe = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return probe instanceof CallerPresence presence ? presence : UNKNOWN;
    }
}
