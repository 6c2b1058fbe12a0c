package dev.patchbay.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every Patchbay setting, under the {@code patchbay.} prefix. Secrets that are not configured are
 * generated once and kept in files under {@link #dataDir()}, so the embedded default needs no setup.
 * {@code publicUrl} is where clients reach Patchbay (e.g. {@code https://patchbay.example.com}): the
 * start of the links in responses; unset, links use the address and port the connection reached.
 */
@ConfigurationProperties("patchbay")
@Validated
public record PatchbayProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue Secrets secrets,
        @DefaultValue Auth auth,
        @DefaultValue Definitions definitions,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Outbound outbound,
        @DefaultValue Database database,
        @DefaultValue Redis redis,
        URI publicUrl) {

    /**
     * First-start accounts. Any value left empty is generated and printed once; a script can set
     * them all to start the service unattended.
     */
    public record Bootstrap(
            @DefaultValue("true") boolean enabled,
            String adminEmail,
            String adminPassword,
            String apiKey,
            String platformApiKey) {}

    /** {@code masterKey} is a base64 AES-256 key; empty means "use or create data-dir/master.key". */
    public record Secrets(String masterKey) {}

    /**
     * Connector definitions: the bundled ones are always loaded; {@code dir} adds a folder of your
     * own {@code *.json} files, loaded at start after them.
     */
    public record Definitions(Path dir) {}

    /** The built-in sandbox upstream under /sandbox: the API key it accepts. */
    public record Sandbox(@DefaultValue("sandbox-demo-key") String apiKey) {}

    /** {@code jwtSecret} signs login tokens; empty means "use or create data-dir/jwt.key". */
    public record Auth(String jwtSecret, @DefaultValue("24h") Duration tokenTtl) {}

    /**
     * Calls to third-party systems. Timeouts are defaults that a system may override.
     *
     * @param allowedNetworks address blocks (CIDR, IPv4 or IPv6) that may be called although they are
     *     private, loopback or link-local; empty by default, so only public addresses are called
     * @param trustedCertificates a PEM file of CA certificates trusted in addition to the JDK's, for
     *     self-hosted systems with their own CA; unset for none
     * @param defaultWait how long a caller waits for its instance's rate limit or pool unless it sends
     *     {@code Prefer: wait=<seconds>}
     * @param maxWait the longest wait a caller may ask for
     * @param queueLimit requests that may wait per instance; beyond it a request is refused at once
     * @param safetyMargin added to every rate-limit window, so scheduling and network jitter between the
     *     start and the moment the system sees the request cannot turn into a violation at the system's side
     * @param maxAttempts attempts of one request when the system answers 429 or 503 with Retry-After
     *     (only idempotent methods, or requests with an Idempotency-Key)
     */
    public record Outbound(
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration readTimeout,
            @DefaultValue List<String> allowedNetworks,
            Path trustedCertificates,
            @DefaultValue("30s") Duration defaultWait,
            @DefaultValue("300s") Duration maxWait,
            @DefaultValue("10000") int queueLimit,
            @DefaultValue("5ms") Duration safetyMargin,
            @DefaultValue("3") int maxAttempts) {

        @ConstructorBinding
        public Outbound {
            requirePositive("patchbay.outbound.connect-timeout", connectTimeout);
            requirePositive("patchbay.outbound.read-timeout", readTimeout);
            allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
            defaultWait = defaultWait == null ? Duration.ofSeconds(30) : defaultWait;
            maxWait = maxWait == null ? Duration.ofSeconds(300) : maxWait;
            safetyMargin = safetyMargin == null ? Duration.ofMillis(5) : safetyMargin;
            queueLimit = queueLimit < 1 ? 10_000 : queueLimit;
            maxAttempts = maxAttempts < 1 ? 3 : maxAttempts;
        }

        /** The transport's settings with the limits' defaults (for tests of the transport alone). */
        public Outbound(Duration connectTimeout, Duration readTimeout, List<String> allowedNetworks, Path trustedCertificates) {
            this(connectTimeout, readTimeout, allowedNetworks, trustedCertificates, null, null, 0, null, 0);
        }

        private static void requirePositive(String setting, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(setting + " must be a positive duration such as 10s");
            }
        }
    }

    /**
     * Bounds on every database call, so that a database that stops answering fails requests with 503
     * instead of hanging them. {@code connectionTimeout}: how long a request waits for a pooled
     * connection. {@code statementTimeout}: the longest one SQL statement may run; the server cancels it
     * then, and the client gives up a second later when the server does not answer at all.
     */
    public record Database(
            @DefaultValue("3s") Duration connectionTimeout,
            @DefaultValue("5s") Duration statementTimeout,
            @DefaultValue Embedded embedded) {}

    /**
     * The embedded PostgreSQL. {@code durable} keeps fsync and synchronous commit on, so a committed write
     * survives a power loss; only throw-away test databases turn it off. {@code startupTimeout} covers the
     * crash recovery a start after a power loss may need.
     */
    public record Embedded(@DefaultValue("true") boolean durable, @DefaultValue("60s") Duration startupTimeout) {}

    /**
     * Several nodes: with {@code url} set (e.g. {@code redis://127.0.0.1:6379}), the rate limits, their
     * queues and pauses and the connection pools' slots live in that Redis, shared by every node that
     * names it; unset, they are kept in this process (one node).
     *
     * @param url the Redis to share, {@code redis://[:password@]host:port[/database]} or {@code rediss://} for TLS
     * @param keyPrefix the start of every key Patchbay writes, so that several deployments can share one Redis
     * @param commandTimeout how long one call to Redis may take before the request fails with 503
     * @param leaseTime how long a pool slot (and a place in a pool's queue) lasts without a heartbeat: a node
     *     renews its slots every third of it, so the slots of a node that died come back after at most this long
     */
    public record Redis(
            URI url,
            @DefaultValue("patchbay") String keyPrefix,
            @DefaultValue("2s") Duration commandTimeout,
            @DefaultValue("15s") Duration leaseTime) {

        @ConstructorBinding
        public Redis {
            keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "patchbay" : keyPrefix;
            commandTimeout = commandTimeout == null ? Duration.ofSeconds(2) : commandTimeout;
            leaseTime = leaseTime == null ? Duration.ofSeconds(15) : leaseTime;
            if (commandTimeout.isNegative() || commandTimeout.isZero()) {
                throw new IllegalArgumentException("patchbay.redis.command-timeout must be a positive duration such as 2s");
            }
            if (leaseTime.compareTo(Duration.ofMillis(300)) < 0) {
                throw new IllegalArgumentException("patchbay.redis.lease-time must be at least 300ms");
            }
        }

        /** True when the limits are shared through Redis. */
        public boolean enabled() {
            return url != null && !url.toString().isBlank();
        }
    }
}
