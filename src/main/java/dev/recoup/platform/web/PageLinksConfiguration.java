package dev.recoup.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Page links are written as they are: no resource-URL rewriting. With the webjars locator on the class path
 * Spring Boot registers a {@link ResourceUrlEncodingFilter}, which asks the static-resource handler at
 * {@code /**} about every {@code th:href} — a class-path lookup in the application jar for each
 * {@code /cases/123}. It was 80% of my queue's server time (100 links a page). We version no static
 * files by content, and the webjars' version-less paths are resolved when they are requested, so
 * nothing needs rewriting. Declaring the filter's registration, disabled, keeps Boot's one away.
 */
@Configuration(proxyBeanMethods = false)
class PageLinksConfiguration {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
