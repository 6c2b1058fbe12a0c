package dev.patchbay.outbound.http;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.guard.SandboxTarget;
import dev.patchbay.outbound.guard.TargetGuard;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The HTTP clients for calls to third-party systems (Apache HttpClient 5, classic). Each distinct
 * combination of client certificate (and its version) and timeouts gets its own pooled client,
 * kept in a bounded cache so that connections, TLS sessions and mutual-TLS handshakes are reused.
 *
 * <p>Every client resolves hosts through the {@link TargetGuard} (see {@link GuardedDnsResolver}),
 * follows no redirects, retries nothing, keeps no cookies and handles no authentication challenge:
 * the caller's send path decides all of those, the same way for every tenant. It reads no proxy
 * settings from system properties, since a proxy would do the DNS lookup the guard must see.
 *
 * <p>The built-in sandbox is reached through a separate client that can call nothing but this
 * service's own port under {@code /sandbox/} (see {@link SandboxTarget}).
 */
@Component
public class UpstreamClients implements AutoCloseable {

    /** Distinct clients kept; the least recently used beyond this is retired. */
    static final int MAX_CLIENTS = 64;
    static final int MAX_CONNECTIONS_PER_ROUTE = 64;
    static final int MAX_CONNECTIONS = 256;
    private static final TimeValue IDLE_LIMIT = TimeValue.ofSeconds(60);

    /** What makes two calls share a client. */
    record Key(Long certificateId, Instant certificateVersion, Duration connectTimeout, Duration readTimeout, boolean sandbox) {}

    private final Duration defaultConnectTimeout;
    private final Duration defaultReadTimeout;
    private final TargetGuard guard;
    private final SandboxTarget sandbox;
    private final HostLookup lookup;
    private final KeyStore trustStore;
    private final Map<Key, Cached> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final ScheduledExecutorService sweeper;
    private boolean closed;

    @Autowired
    UpstreamClients(PatchbayProperties properties, TargetGuard guard, SandboxTarget sandbox) {
        this(properties.outbound(), guard, sandbox, HostLookup.SYSTEM);
    }

    UpstreamClients(PatchbayProperties.Outbound settings, TargetGuard guard, SandboxTarget sandbox, HostLookup lookup) {
        this.defaultConnectTimeout = settings.connectTimeout();
        this.defaultReadTimeout = settings.readTimeout();
        this.guard = guard;
        this.sandbox = sandbox;
        this.lookup = lookup;
        this.trustStore = TrustMaterial.load(settings.trustedCertificates());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "upstream-idle-connections");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::closeIdleConnections, 30, 30, TimeUnit.SECONDS);
    }

    /**
     * A client for a call to {@code target}: the sandbox's own client when the target is the built-in
     * sandbox, otherwise the guarded client for these options. Close the lease when done.
     */
    public UpstreamClient open(URI target, ClientOptions options) {
        Duration connect = options.connectTimeout() != null ? options.connectTimeout() : defaultConnectTimeout;
        Duration read = options.readTimeout() != null ? options.readTimeout() : defaultReadTimeout;
        ClientCertificate certificate = options.certificate();
        Key key = new Key(certificate == null ? null : certificate.id(), certificate == null ? null : certificate.version(),
                connect, read, sandbox.covers(target));
        Cached cached;
        List<Cached> retired = new ArrayList<>();
        synchronized (cache) {
            if (closed) {
                throw new IllegalStateException("The outbound HTTP clients are shut down");
            }
            cached = cache.get(key);
            if (cached == null) {
                cached = build(key, certificate);
                cache.put(key, cached);
                retireOutdated(key, retired);
            }
            cached.leases++;
        }
        retired.forEach(Cached::closeIfUnused);
        Cached leased = cached;
        return new UpstreamClient(leased.client, connect, read, certificate != null, () -> release(leased));
    }

    /** Clients cached now; for tests of the cache. */
    int cachedClients() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /** Must hold the cache's lock: drops older versions of the key's certificate and the least recently used beyond the bound. */
    private void retireOutdated(Key fresh, List<Cached> retired) {
        Iterator<Map.Entry<Key, Cached>> entries = cache.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Key, Cached> entry = entries.next();
            Key key = entry.getKey();
            boolean outdated = fresh.certificateId() != null && fresh.certificateId().equals(key.certificateId())
                    && !fresh.certificateVersion().equals(key.certificateVersion());
            if (outdated || cache.size() > MAX_CLIENTS && !key.equals(fresh)) {
                entries.remove();
                entry.getValue().retired = true;
                retired.add(entry.getValue());
            }
        }
    }

    private void release(Cached cached) {
        synchronized (cache) {
            cached.leases--;
        }
        cached.closeIfUnused();
    }

    private Cached build(Key key, ClientCertificate certificate) {
        Timeout connect = Timeout.of(key.connectTimeout());
        Timeout read = Timeout.of(key.readTimeout());
        DnsResolver resolver = key.sandbox() ? new SandboxDnsResolver(lookup) : new GuardedDnsResolver(guard, lookup);
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setTlsSocketStrategy(ClientCertificateRequests.tlsStrategy(sslContext(certificate)))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect) // also bounds the TLS handshake
                        .setSocketTimeout(read)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_ROUTE)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .build();
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(read)
                        .setConnectionRequestTimeout(connect)
                        .build())
                .setDefaultAuthSchemeRegistry(RegistryBuilder.<AuthSchemeFactory>create().build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement() // clients are shared between tenants
                .disableAuthCaching()
                .disableContentCompression() // bodies pass as the system sent them
                .disableConnectionState(); // one certificate per client, so pooled connections are interchangeable
        if (key.sandbox()) {
            builder.addExecInterceptorFirst("sandbox-only", sandboxOnly());
        }
        builder.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "before-send", beforeSend());
        return new Cached(builder.build(), connections);
    }

    /**
     * Runs once the connection to the system is established and right before the request is written
     * to it: the caller's {@link UpstreamClient#BEFORE_SEND} (the rate limit's start) is counted here,
     * so connecting and TLS cannot delay a counted start into the next window at the system's side.
     */
    private static ExecChainHandler beforeSend() {
        return (request, scope, chain) -> {
            if (scope.clientContext.getAttribute(UpstreamClient.BEFORE_SEND) instanceof Runnable hook) {
                hook.run();
            }
            return chain.proceed(request, scope);
        };
    }

    /** Runs before a connection is leased: the sandbox client calls only the sandbox's port and paths. */
    private ExecChainHandler sandboxOnly() {
        return (request, scope, chain) -> {
            HttpHost target = scope.route.getTargetHost();
            String path = request.getPath() == null ? "" : request.getPath();
            int query = path.indexOf('?');
            sandbox.check(target.getSchemeName(), target.getHostName(), target.getPort(), query < 0 ? path : path.substring(0, query));
            return chain.proceed(request, scope);
        };
    }

    private SSLContext sslContext(ClientCertificate certificate) {
        char[] password = certificate == null ? null : certificate.password();
        try {
            return ClientCertificateRequests.sslContext(certificate == null ? null : certificate.keyStore(), password, trustStore);
        } catch (GeneralSecurityException e) {
            // The key store comes from a certificate that was parsed and checked on upload; say which one, not why.
            throw new IllegalStateException("The client certificate #" + (certificate == null ? "-" : certificate.id())
                    + " could not be loaded for TLS");
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private void closeIdleConnections() {
        List<Cached> live;
        synchronized (cache) {
            live = new ArrayList<>(cache.values());
        }
        for (Cached cached : live) {
            cached.connections.closeExpired();
            cached.connections.closeIdle(IDLE_LIMIT);
        }
    }

    /** Closes every client; calls still running lose their connection. */
    @Override
    public void close() {
        List<Cached> all;
        synchronized (cache) {
            closed = true;
            all = new ArrayList<>(cache.values());
            cache.clear();
        }
        sweeper.shutdownNow();
        all.forEach(cached -> cached.client.close(CloseMode.GRACEFUL));
    }

    /** A client with its lease count; a retired one closes when its last lease is released. */
    private final class Cached {

        private final CloseableHttpClient client;
        private final PoolingHttpClientConnectionManager connections;
        private int leases;
        private boolean retired;
        private boolean closedClient;

        Cached(CloseableHttpClient client, PoolingHttpClientConnectionManager connections) {
            this.client = client;
            this.connections = connections;
        }

        void closeIfUnused() {
            synchronized (cache) {
                if (!retired || leases > 0 || closedClient) {
                    return;
                }
                closedClient = true;
            }
            client.close(CloseMode.GRACEFUL);
        }
    }
}
