package dev.patchbay.web;

/** A single resource, wrapped as the contract wants: {@code {"data": {...}}}. */
public record DataEnvelope<T>(T data) {

    public static <T> DataEnvelope<T> of(T data) {
        return new DataEnvelope<>(data);
    }
}
