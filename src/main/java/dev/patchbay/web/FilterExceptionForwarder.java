package dev.patchbay.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Hands an exception thrown by a later filter to the same resolvers as a controller's, so that
 * {@link ApiExceptionHandler} answers it in the contract's shape. The API-key lookup in the security
 * chain reads the database: without this, a database outage during authentication would be a bare 500
 * instead of a 503 with Retry-After.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class FilterExceptionForwarder extends OncePerRequestFilter {

    private final HandlerExceptionResolver resolver;

    FilterExceptionForwarder(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (response.isCommitted() || resolver.resolveException(request, response, null, e) == null) {
                throw e;
            }
        }
    }
}
