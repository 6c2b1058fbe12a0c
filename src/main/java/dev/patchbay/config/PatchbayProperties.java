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
     * them all to start the service unattended. A configured API key must be long (at least
     * {@value #MIN_API_KEY_LENGTH} characters): API keys are stored as unsalted SHA-256 hashes, which
     * only a long random key keeps out of reach of guessing.
     */
    public record Bootstrap(
            @DefaultValue("true") boolean enabled,
            String adminEmail,
            String adminPassword,
            String apiKey,
            String platformApiKey) {

        public static final int MIN_API_KEY_LENGTH = 32;

        @ConstructorBinding
        public Bootstrap {
            requireLongKey("patchbay.bootstrap.api-key", apiKey);
            requireLongKey("patchbay.bootstrap.platform-api-key", platformApiKey);
        }

        /** The message names the setting and the length, never the value. */
        private static void requireLongKey(String setting, String value) {
            if (value != null && !value.isEmpty() && value.length() < MIN_API_KEY_LENGTH) {
                throw new IllegalArgumentException(setting + " is too short: " + value.length() + " characters, at least "
                        + MIN_API_KEY_LENGTH + " are required (use a random key, e.g. openssl rand -hex 24), or leave it"
                        + " empty to have one generated");
            }
        }

        @Override
        public String toString() {
            return "Bootstrap[enabled=" + enabled + ", adminEmail=" + adminEmail + ", adminPassword=" + Redacted.of(adminPassword)
                    + ", apiKey=" + Redacted.of(apiKey) + ", platformApiKey=" + Redacted.of(platformApiKey) + "]";
        }
    }

    /**
     * The master keys that encrypt secrets at rest. {@code masterKey} is the current key (the base64 of
     * 32 random bytes); empty means "use or create data-dir/master.key". {@code previousKeys} are older
     * keys, still accepted for reading until {@code rotate-keys} has re-encrypted everything under the
     * current one (docs/operations.md, "Rotating the master key").
     */
    public record Secrets(String masterKey, @DefaultValue List<String> previousKeys) {

        @ConstructorBinding
        public Secrets {
            previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
        }

        public Secrets(String masterKey) {
            this(masterKey, List.of());
        }

        @Override
        public String toString() {
            return "Secrets[masterKey=" + Redacted.of(masterKey) + ", previousKeys=" + previousKeys.size() + " key(s)]";
        }
    }

    /**
     * Connector definitions: the bundled ones are always loaded; {@code dir} adds a folder of your
     * own {@code *.json} files, loaded at start after them.
     */
    public record Definitions(Path dir) {}

    /** The built-in sandbox upstream under /sandbox: the API key it accepts. */
    public record Sandbox(@DefaultValue("sandbox-demo-key") String apiKey) {

        @Override
        public String toString() {
            return "Sandbox[apiKey=" + Redacted.of(apiKey) + "]";
        }
    }

    /** {@code jwtSecret} signs login tokens; empty means "use or create data-dir/jwt.key". */
    public record Auth(String jwtSecret, @DefaultValue("24h") Duration tokenTtl, @DefaultValue LoginThrottle loginThrottle) {

        @ConstructorBinding
        public Auth {
            loginThrottle = loginThrottle == null ? new LoginThrottle(0, 0, null, 0) : loginThrottle;
        }

        public Auth(String jwtSecret, Duration tokenTtl) {
            this(jwtSecret, tokenTtl, null);
        }

        @Override
        public String toString() {
            return "Auth[jwtSecret=" + Redacted.of(jwtSecret) + ", tokenTtl=" + tokenTtl + ", loginThrottle=" + loginThrottle + "]";
        }
    }

    /**
     * Failed logins (the API's and the dashboard's) allowed before further attempts wait, counted per
     * client address and per client address and account; docs/operations.md, "Login throttle".
     *
     * @param accountFailures failures from one address for one account within {@code window}
     * @param addressFailures failures from one address, whatever the accounts, within {@code window}
     * @param window how long a count lasts from its first failure (and so the longest wait)
     * @param maxTracked addresses, and address and account pairs, counted at once in one node's memory
     *     (without Redis); past it the counts that block nothing make room first
     */
    public record LoginThrottle(
            @DefaultValue("10") int accountFailures,
            @DefaultValue("50") int addressFailures,
            @DefaultValue("15m") Duration window,
            @DefaultValue("100000") int maxTracked) {

        public LoginThrottle {
            accountFailures = accountFailures < 1 ? 10 : accountFailures;
            addressFailures = addressFailures < 1 ? 50 : addressFailures;
            window = window == null ? Duration.ofMinutes(15) : window;
            maxTracked = maxTracked < 1 ? 100_000 : maxTracked;
            if (window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("patchbay.auth.login-throttle.window must be at least 1s");
            }
        }
    }

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
     * @param resultRetention how long a finished asynchronous request (and its result) is kept
     * @param async the worker that runs asynchronous requests
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
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("7d") Duration resultRetention,
            @DefaultValue Async async) {

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
            resultRetention = resultRetention == null ? Duration.ofDays(7) : resultRetention;
            requirePositive("patchbay.outbound.result-retention", resultRetention);
            async = async == null ? new Async(4, 1, null, null, null, null, null) : async;
        }

        /** The transport's settings with the limits' defaults (for tests of the transport alone). */
        public Outbound(Duration connectTimeout, Duration readTimeout, List<String> allowedNetworks, Path trustedCertificates) {
            this(connectTimeout, readTimeout, allowedNetworks, trustedCertificates, null, null, 0, null, 0, null, null);
        }

        private static void requirePositive(String setting, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(setting + " must be a positive duration such as 10s");
            }
        }
    }

    /**
     * The worker that runs asynchronous requests ({@code Prefer: respond-async}) from their table.
     *
     * @param threads requests one node runs at once (its worker threads)
     * @param perConnector requests of one connector one node runs at once; 1 keeps their start order
     *     strictly first in, first out, more trades that order for throughput on a slow system
     * @param pollInterval how often an idle node looks for queued requests (a request submitted to a
     *     node wakes that node at once)
     * @param lease how long a claimed request stays a node's without a heartbeat (renewed every third of
     *     it); a node that dies leaves its requests to others once their lease has run out
     * @param maxWait how long one run waits for the connector's rate limit and pool; a request that could
     *     start only later goes back to the queue until then, so a slow limit never holds a thread
     * @param shutdownGrace on stop, how long running requests may take to finish before they are left
     *     to be recovered; keep it below {@code spring.lifecycle.timeout-per-shutdown-phase}
     * @param cleanupInterval how often finished requests older than the retention are deleted
     */
    public record Async(
            @DefaultValue("4") int threads,
            @DefaultValue("1") int perConnector,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("10s") Duration maxWait,
            @DefaultValue("15s") Duration shutdownGrace,
            @DefaultValue("10m") Duration cleanupInterval) {

        public Async {
            if (threads < 1 || perConnector < 1) {
                throw new IllegalArgumentException(
                        "patchbay.outbound.async.threads and patchbay.outbound.async.per-connector must be at least 1");
            }
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            lease = lease == null ? Duration.ofSeconds(30) : lease;
            maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
            shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(15) : shutdownGrace;
            cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
            Outbound.requirePositive("patchbay.outbound.async.poll-interval", pollInterval);
            Outbound.requirePositive("patchbay.outbound.async.lease", lease);
            Outbound.requirePositive("patchbay.outbound.async.cleanup-interval", cleanupInterval);
            if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("patchbay.outbound.async.lease must be at least 1s");
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
     * @param leaseTime how long a pool slot, a rate-limit start granted but not sent, and a place in a queue
     *     last without a heartbeat: a node renews its own every third of it, so those of a node that died come
     *     back after at most this long (an unsent start one window later, as it may have been sent at the end)
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
