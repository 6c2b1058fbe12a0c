package dev.patchbay.outbound.http;

import java.io.IOException;

/** The system redirected more often than {@link RedirectPolicy#MAX_REDIRECTS}; nothing more is sent. */
public class TooManyRedirectsException extends IOException {

    TooManyRedirectsException(String message) {
        super(message);
    }
}
