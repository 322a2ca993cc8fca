package dev.recoup.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives every rendered page the signed-in person's name and roles ({@code navUser}, {@code navRoles}),
 * so the layout shows each role its own menus: an agent does not see the team lead's and manager's
 * links (issue 6). Only what the page shows changes: the URLs stay guarded by SecurityConfiguration.
 */
@Configuration(proxyBeanMethods = false)
class NavigationModel implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
                if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
                    return;
                }
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
                    page.addObject("navRoles", Set.of());
                    return;
                }
                page.addObject("navUser", auth.getName());
                page.addObject("navRoles", auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet()));
            }
        });
    }
}
