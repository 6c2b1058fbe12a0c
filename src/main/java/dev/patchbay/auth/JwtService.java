package dev.patchbay.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.patchbay.config.KeyFiles;
import dev.patchbay.config.PatchbayProperties;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/** Login tokens: HS256 JWTs carrying the user id, signed with a key from configuration or data-dir/jwt.key. */
@Service
public class JwtService {

    private static final String ISSUER = "patchbay";

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    JwtService(PatchbayProperties properties, Clock clock) {
        String configured = properties.auth().jwtSecret();
        this.secret = StringUtils.hasText(configured)
                ? configured.getBytes(StandardCharsets.UTF_8)
                : KeyFiles.readOrCreate(properties.dataDir().resolve("jwt.key"), 32);
        if (secret.length < 32) {
            throw new IllegalStateException("patchbay.auth.jwt-secret must be at least 32 bytes.");
        }
        this.ttl = properties.auth().tokenTtl();
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Issues a token for a user, valid from {@code issuedAt} for the configured lifetime. */
    public String issue(long userId, Instant issuedAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** The user id of a valid, unexpired token of ours; empty for anything else. */
    Optional<Long> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || expires == null || !expires.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(claims.getSubject()));
        } catch (ParseException | JOSEException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
