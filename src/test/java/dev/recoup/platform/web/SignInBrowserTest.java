package dev.recoup.platform.web;

import dev.recoup.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The login form in a real browser: the base every browser test stands on. */
class SignInBrowserTest extends BrowserTest {

    @Test
    void aManagerSignsInThroughTheFormAndSeesTheOverviewInChinese() {
        logIn("manager", "recoup-manager");
        assertThat(page.locator("header.top")).containsText("概览");
        screenshot("overview");
    }

    @Test
    void aWrongPasswordKeepsTheUserOnTheLoginPageWithTheReason() {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill("manager");
        page.locator("input[name=password]").fill("not-the-password");
        page.locator("form button[type=submit]").click();
        assertThat(page.locator("p.error")).isVisible();
        screenshot("login-failed");
    }
}
