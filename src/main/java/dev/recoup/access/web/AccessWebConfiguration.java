package dev.recoup.access.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Case scopes and the audit log on every page and API request (see {@link ScopeAndAuditInterceptor}). */
@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration implements WebMvcConfigurer {

    private final ScopeAndAuditInterceptor interceptor;

    AccessWebConfiguration(ScopeAndAuditInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).excludePathPatterns("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error");
    }
}
