package dev.patchbay.outbound;

import java.io.Closeable;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Puts a rendered request on the wire through the SSRF guard, with the instance's timeouts and
 * client certificate. Failures to get an answer are {@link OutboundFailure}s whose message a person
 * understands.
 */
interface Transport {

    /**
     * Sends and reads the answer up to {@code maxBody} bytes, following redirects (at most 5) through
     * the guard. {@code beforeSend} (may be null) runs once, when the connection for the first request
     * is established and right before the request is written: the rate limit's start.
     */
    BufferedResponse exchange(OutgoingRequest request, Instance instance, int maxBody, Runnable beforeSend);

    /** Sends once, without following redirects, and hands over the answer unread (the proxy streams it). */
    StreamedResponse open(OutgoingRequest request, Instance instance, Runnable beforeSend);

    /** An answer whose body is still on the wire; closing it releases the connection. */
    interface StreamedResponse extends Closeable {
        int status();

        Map<String, List<String>> headers();

        /** Null when the answer has no body. */
        InputStream body();

        long durationMs();
    }
}
