package dev.recoup.support.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.recoup.support.RecoupIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Browser tests: the whole application on a random port, driven through the system's Chromium
 * ({@code /usr/bin/chromium}, Debian's package; {@code .ci/run} installs it) by Playwright, at
 * 1366×768 in zh-CN. Playwright never downloads a browser. Every browser test class extends this,
 * so they share one Spring context (with a {@link SettableClock}) and one Chromium per class.
 *
 * <p>{@code -Drecoup.browser=/path/to/chromium} chooses another Chromium; {@code -Drecoup.browser.headed=true}
 * shows the window.
 */
@RecoupIntegrationTest
@Import(SettableClock.Configuration.class)
public abstract class BrowserTest {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    @Autowired
    protected SettableClock clock;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchChromium() {
        Path chromium = Paths.get(System.getProperty("recoup.browser", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Browser tests need Chromium at " + chromium
                    + " (Debian: apt-get install chromium fonts-noto-cjk; .ci/run does it), or -Drecoup.browser=<path>");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(!Boolean.getBoolean("recoup.browser.headed"))
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 768)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                .setBaseURL("http://localhost:" + port));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
        clock.reset();
    }

    /** The absolute URL of a path of the application under test. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the login form and waits for the page after it. */
    protected void logIn(String username, String password) {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("form[action$='/login'] button[type=submit]").click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** A full-page screenshot in {@code target/screenshots/<name>.png}. */
    protected Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
