package dev.patchbay.web;

/** The contract's plain error and confirmation body: {@code {"message": "..."}}. */
public record MessageBody(String message) {}
