package dev.recoup.platform.security;

import dev.recoup.access.PasswordLogins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;
import java.time.Duration;

/** What the login form does after a try: an idle-timeout on the new session, or a message saying why it failed. */
final class LoginOutcomes {

    private LoginOutcomes() {
    }

    /** Signed in: audited, and the session ends after the configured idle time (recoup.security.session-timeout). */
    static final class Success extends SavedRequestAwareAuthenticationSuccessHandler {

        private final Duration timeout;
        private final PasswordLogins logins;

        Success(Duration timeout, PasswordLogins logins) {
            this.timeout = timeout;
            this.logins = logins;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException, jakarta.servlet.ServletException {
            request.getSession().setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
            logins.signedIn(authentication.getName(), request.getRemoteAddr());
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** Back to the form with why: locked (too many wrong passwords), disabled, or a wrong username or password. */
    static final class Failure implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                throws IOException {
            String reason = switch (exception) {
                case LockedException locked -> "locked";
                case DisabledException disabled -> "disabled";
                default -> "";
            };
            response.sendRedirect(request.getContextPath() + "/login?error" + (reason.isEmpty() ? "" : "=" + reason));
        }
    }
}
