package dev.patchbay.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every Patchbay setting, under the {@code patchbay.} prefix. Secrets that are not configured are
 * generated once and kept in files under {@link #dataDir()}, so the embedded default needs no setup.
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
        @DefaultValue Outbound outbound) {

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
     */
    public record Outbound(
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration readTimeout,
            @DefaultValue List<String> allowedNetworks,
            Path trustedCertificates) {

        public Outbound {
            requirePositive("patchbay.outbound.connect-timeout", connectTimeout);
            requirePositive("patchbay.outbound.read-timeout", readTimeout);
            allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        }

        private static void requirePositive(String setting, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(setting + " must be a positive duration such as 10s");
            }
        }
    }
}
