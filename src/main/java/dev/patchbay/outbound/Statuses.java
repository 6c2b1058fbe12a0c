package dev.patchbay.outbound;

import org.springframework.http.HttpStatus;

/** Status codes in words people read: "401 Unauthorized". */
public final class Statuses {

    private Statuses() {}

    public static String describe(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? String.valueOf(status) : status + " " + known.getReasonPhrase();
    }
}
