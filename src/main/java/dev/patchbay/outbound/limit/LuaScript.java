package dev.patchbay.outbound.limit;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One of the limits' Lua scripts, read from the resource next to this class. Run by its SHA-1
 * ({@code EVALSHA}); a Redis that does not know it yet (first use, or restarted) gets the source once
 * ({@code EVAL}, which caches it). Public for the login throttle (auth), whose scripts live beside its
 * classes: a resource name starting with {@code /} is read from the root of the class path.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private final String sha;

    public LuaScript(String resource) {
        this.name = resource;
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing script " + resource);
            }
            this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the script; the future completes on Lettuce's I/O thread, so callers must not block in it. */
    <T> CompletableFuture<T> run(RedisAsyncCommands<String, String> redis, String[] keys, String... args) {
        CompletableFuture<T> bySha = redis.<T>evalsha(sha, ScriptOutputType.MULTI, keys, args).toCompletableFuture();
        return bySha.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof RedisNoScriptException) {
                return redis.<T>eval(source, ScriptOutputType.MULTI, keys, args).toCompletableFuture();
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    @Override
    public String toString() {
        return name;
    }
}
