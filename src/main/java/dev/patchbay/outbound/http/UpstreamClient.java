package dev.patchbay.outbound.http;

import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;

/**
 * A lease on a pooled client, from {@link UpstreamClients#open}: use it for one call (or one chain
 * of redirects) and close it when the response has been read. The client underneath is shared and
 * outlives the lease; closing the lease only tells the cache it may retire the client.
 *
 * <p>Requests must be absolute ({@code https://host/path}): the client connects to whatever host the
 * request names, through the guarded resolver, and follows no redirect by itself.
 */
public final class UpstreamClient implements AutoCloseable {

    /** The context attribute holding the hook that runs right before the request is written. */
    static final String BEFORE_SEND = "patchbay.before-send";

    private final CloseableHttpClient http;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean presentsCertificate;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    UpstreamClient(CloseableHttpClient http, Duration connectTimeout, Duration readTimeout, boolean presentsCertificate,
            Runnable release) {
        this.http = http;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.presentsCertificate = presentsCertificate;
        this.release = release;
    }

    /**
     * Sends the request and returns the response with its body still streaming; the caller closes it
     * (which returns the connection to the pool) before closing this lease.
     *
     * @throws dev.patchbay.outbound.guard.TargetRefusedException when the target may not be called; nothing was sent
     */
    public ClassicHttpResponse execute(ClassicHttpRequest request) throws IOException {
        return execute(request, (Runnable) null);
    }

    /**
     * As {@link #execute(ClassicHttpRequest)}, running {@code beforeSend} (if not null) once the
     * connection is established and right before the request is written to it. An exception it throws
     * stops the request: nothing is sent and the connection is discarded.
     */
    public ClassicHttpResponse execute(ClassicHttpRequest request, Runnable beforeSend) throws IOException {
        HttpClientContext context = HttpClientContext.create();
        if (beforeSend != null) {
            context.setAttribute(BEFORE_SEND, beforeSend);
        }
        try {
            return http.executeOpen(null, request, context);
        } catch (IOException failure) {
            throw explained(failure, context, false);
        }
    }

    /** Sends the request and lets {@code handler} read the response, which is then released. */
    public <T> T execute(ClassicHttpRequest request, HttpClientResponseHandler<? extends T> handler) throws IOException {
        HttpClientContext context = HttpClientContext.create();
        AtomicBoolean answered = new AtomicBoolean();
        try {
            return http.execute(null, request, context, response -> {
                answered.set(true);
                return handler.handleResponse(response);
            });
        } catch (IOException failure) {
            throw explained(failure, context, answered.get());
        }
    }

    /**
     * The guard's refusal unwrapped from the resolver's exception; and a connection dropped before any
     * answer, right after a handshake in which the server asked for a client certificate, named as the
     * TLS failure it is (see {@link ClientCertificateRequests}).
     */
    private static IOException explained(IOException failure, HttpClientContext context, boolean answered) {
        if (failure instanceof GuardedDnsResolver.Refused refused) {
            return refused.refusal();
        }
        boolean dropped = failure instanceof SocketException || failure instanceof NoHttpResponseException
                || failure instanceof ConnectionClosedException;
        if (!answered && dropped && ClientCertificateRequests.requested(context)) {
            return new ClientCertificateRequests.Refused(failure);
        }
        return failure;
    }

    /** The failure of a call made with this client, in words a person understands. */
    public UpstreamFailure failure(IOException failure, URI target) {
        return UpstreamFailure.of(failure, target, connectTimeout, readTimeout, presentsCertificate);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
