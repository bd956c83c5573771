package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * Debian's chromium, driven by Playwright, on the shop's web UI through the gateway: a context of its own per
 * user (as two people on two machines), signed in through the page like a person would. Playwright never
 * downloads a browser here ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}); {@code -Dchromium.path} points at
 * another chromium than /usr/bin/chromium.
 */
final class ShopBrowser implements AutoCloseable {

    /** A desktop screen and a phone's (an iPhone 12's CSS pixels). */
    enum Screen {
        DESKTOP(1280, 900), PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /** Where the tests leave screenshots of the pages (docs/images takes its pictures from there). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final Playwright playwright;
    private final Browser browser;
    private final String gateway;

    ShopBrowser(String gateway) {
        this.gateway = gateway;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                .setHeadless(true)
                .setChromiumSandbox(false)
                // the machine's network is closed: no background traffic, no component updates, no sign-in sync
                .setArgs(List.of("--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", "--disable-sync")));
    }

    /** A new browser of someone not signed in, in English. */
    Page anonymous(Screen screen) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(gateway)
                .setLocale("en-GB")
                .setViewportSize(screen.width, screen.height)
                .setIsMobile(screen == Screen.PHONE)
                .setHasTouch(screen == Screen.PHONE));
        context.setDefaultTimeout(ShopApi.SAGA_STEP.toMillis());
        contexts.add(context);
        Page page = context.newPage();
        page.navigate("/");
        return page;
    }

    /** A new browser of a demo user, signed in on the sign-in page. */
    Page signedIn(String user, Screen screen) {
        Page page = anonymous(screen);
        page.navigate("/#/sign-in");
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out " + user)).waitFor();
        return page;
    }

    /** axe-core's rules on the page as it is now: no serious or critical violation. */
    static void assertAccessible(Page page, String what) {
        List<Rule> violations = new AxeBuilder(page).analyze().getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(violations).as("serious or critical accessibility violations on %s: %s", what,
                violations.stream().map(rule -> rule.getId() + " " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).toList()).toList())
                .isEmpty();
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Closes every browser opened since the last call, each page's last look kept in target/screenshots/last. */
    void closeContexts(String test) {
        int n = 0;
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("last").resolve(test + "-" + ++n + ".png")));
            }
            context.close();
        }
        contexts.clear();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
