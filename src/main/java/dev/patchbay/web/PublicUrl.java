package dev.patchbay.web;

import dev.patchbay.config.PatchbayProperties;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Where the links in responses (a page's {@code links} and {@code meta.path}) point: the configured
 * {@code patchbay.public-url}, or else the address and port the connection actually reached. Never
 * the {@code Host} header or an absolute request line, which the client writes: a forged one must
 * not end up in links that other clients, caches or logs follow.
 */
@Component
public class PublicUrl implements ServletContextInitializer {

    private static final String ATTRIBUTE = PublicUrl.class.getName();

    private final String configured;

    PublicUrl(PatchbayProperties properties) {
        this.configured = properties.publicUrl() == null ? null : normalized(properties.publicUrl());
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        if (configured != null) {
            servletContext.setAttribute(ATTRIBUTE, configured);
        }
    }

    /** The request's own URL (path and query string as sent) on the public base. */
    public static String of(HttpServletRequest request) {
        String query = request.getQueryString();
        return base(request) + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** Where clients reach this service, without a trailing slash (an OAuth redirect URI is built on it). */
    public static String base(HttpServletRequest request) {
        Object base = request.getServletContext().getAttribute(ATTRIBUTE);
        return base != null ? (String) base : fromConnection(request);
    }

    private static String fromConnection(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getLocalPort();
        boolean defaultPort = (port == 80 && "http".equals(scheme)) || (port == 443 && "https".equals(scheme));
        return scheme + "://" + host(request.getLocalAddr()) + (defaultPort ? "" : ":" + port);
    }

    private static String host(String localAddress) {
        try {
            if (InetAddress.getByName(localAddress).isLoopbackAddress()) { // a literal: no name lookup happens
                return "localhost";
            }
        } catch (UnknownHostException e) {
            // not a literal address: fall through and use it as it is
        }
        return localAddress.contains(":") ? "[" + localAddress + "]" : localAddress;
    }

    private static String normalized(URI url) {
        if (!url.isAbsolute() || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("patchbay.public-url must be an absolute http(s) URL without query or "
                    + "fragment, e.g. https://patchbay.example.com, not " + url);
        }
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
