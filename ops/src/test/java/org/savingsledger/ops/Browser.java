package org.savingsledger.ops;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on the web interface, with a fresh
 * profile each time. Without those packages the browser tests fail saying which to install, rather than passing
 * without having looked at a page. Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    static Browser on(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": install Debian's packages with `apt-get install -y chromium chromium-driver` "
                    + "(.ci/run does so when they are missing)");
        }
        try {
            Path profile = Files.createTempDirectory("savings-ledger-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1280,2000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile, "http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** The path and query of the page shown, decoded. */
    String currentPath() {
        String url = java.net.URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void signIn(String user, String password) {
        open("/login");
        type("#username", user);
        type("#password", password);
        follow("#sign-in");
    }

    /**
     * Clicks a link or button that loads another page, and returns once the new page has replaced this
     * one: a click returns as soon as it is dispatched, so reading the page at once could read the old one.
     */
    void follow(String css) {
        WebElement page = find("html");
        find(css).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    /** The whole window as a PNG under target/screenshots/, for a reviewer to look at. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's violations of the page that are serious or critical: rule id, impact and the first target. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> seriousAccessibilityViolations() {
        driver.executeScript(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(results => done(results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                target: v.nodes.length ? String(v.nodes[0].target) : ''}))))
                  .catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), target: ''}]));
                """);
        return (List<Map<String, Object>>) result;
    }

    private static String axeSource() {
        String version = new org.webjars.WebJarVersionLocator().version("axe-core");
        String path = "META-INF/resources/webjars/axe-core/" + version + "/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code javascript} (a function body: {@code return ...}) answers in the page shown. */
    Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a profile left in the temporary directory harms nothing
            }
        }
    }
}
