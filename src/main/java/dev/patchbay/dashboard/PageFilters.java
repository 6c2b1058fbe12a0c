package dev.patchbay.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Thymeleaf's resource-URL filter everywhere but the API. Spring Boot registers it for every request
 * once the resource chain is on (Swagger UI's webjars turn it on), and on the API it wrapped the
 * request and the response of every call for links the API never renders.
 */
@Configuration(proxyBeanMethods = false)
class PageFilters {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOutsideTheApi() {
        return new FilterRegistrationBean<>(new OutsideTheApi());
    }

    static final class OutsideTheApi extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request instanceof HttpServletRequest http && isApi(http.getRequestURI())) {
                chain.doFilter(request, response);
            } else {
                super.doFilter(request, response, chain);
            }
        }

        static boolean isApi(String path) {
            return path.startsWith("/api/") || path.startsWith("/fabric/api/");
        }
    }
}
