package dev.patchbay.web;

import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of resources in Laravel's paginator shape: {@code data}, {@code links} and {@code meta}.
 * Links keep every query parameter of the request (filters, includes, per_page) and change only
 * {@code page}, so a client can follow them as they are.
 */
public record PageEnvelope<T>(List<T> data, Links links, Meta meta) {

    public record Links(String first, String last, String prev, String next) {}

    public record Meta(int currentPage, Integer from, int lastPage, String path, int perPage, Integer to, long total) {}

    /**
     * @param requestUri the request's full URI including its query string
     */
    public static <T> PageEnvelope<T> of(List<T> data, int page, int perPage, long total, String requestUri) {
        int lastPage = Math.max(1, (int) ((total + perPage - 1) / perPage));
        UriComponentsBuilder base = UriComponentsBuilder.fromUriString(requestUri);
        String path = UriComponentsBuilder.fromUriString(requestUri).replaceQuery(null).build().toUriString();
        Integer from = data.isEmpty() ? null : (page - 1) * perPage + 1;
        Integer to = data.isEmpty() ? null : from + data.size() - 1;
        Links links = new Links(
                pageLink(base, 1),
                pageLink(base, lastPage),
                page > 1 ? pageLink(base, Math.min(page - 1, lastPage)) : null,
                page < lastPage ? pageLink(base, page + 1) : null);
        return new PageEnvelope<>(data, links, new Meta(page, from, lastPage, path, perPage, to, total));
    }

    private static String pageLink(UriComponentsBuilder base, int page) {
        return base.cloneBuilder().replaceQueryParam("page", page).build().toUriString();
    }
}
