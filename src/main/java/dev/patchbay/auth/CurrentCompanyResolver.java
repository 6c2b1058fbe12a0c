package dev.patchbay.auth;

import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.MaybeCompany;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Hands controllers the caller's company as a {@link CurrentCompany} parameter. */
@Configuration(proxyBeanMethods = false)
class CurrentCompanyResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentCompany.class || parameter.getParameterType() == MaybeCompany.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request, WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = authentication != null && authentication.getPrincipal() instanceof Caller c ? c : null;
        if (parameter.getParameterType() == MaybeCompany.class) {
            return new MaybeCompany(caller == null ? null : caller.companyId());
        }
        if (caller != null && caller.companyId() != null) {
            return new CurrentCompany(caller.companyId(), caller.userId());
        }
        throw new AccessDeniedException("No company for this caller");
    }
}
