package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The web client in two real headless Chromium windows: two users log in, open their dialog, see its history (read
 * from the reader, cross-origin) and chat; a message typed in one window appears in the other over /ws. Skipped
 * when Debian's chromium and chromium-driver are not installed. Leaves target/web-client.png (both windows).
 */
class WebClientBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "web-client.png");
    private static final String PASSWORD = "correct horse battery staple";

    private static RunningSystem system;

    private final List<WebDriver> browsers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @BeforeAll
    static void start() {
        if (!browserInstalled()) {
            return; // skipped test by test, so the report counts and names them
        }
        system = RunningSystem.start();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Client.call("GET", system.gatewayUrl() + "/actuator/health/websocket", null, null).status() == 200);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    /** Skipping is for a developer's machine without the browser; CI (.ci/run sets this) must run the test. */
    @BeforeEach
    void needsTheBrowser() {
        String needs = "it needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install -y chromium chromium-driver)";
        if (System.getenv("CHAT_REQUIRE_BROWSER") != null) {
            assertThat(browserInstalled()).as("CHAT_REQUIRE_BROWSER is set: the browser test must run, and " + needs).isTrue();
        }
        assumeTrue(browserInstalled(), "browser test skipped: " + needs);
    }

    private static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @AfterEach
    void closeBrowsers() throws IOException {
        browsers.forEach(WebDriver::quit);
        for (Path profile : profiles) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Test
    void aMessageTypedInOneBrowserAppearsInTheOther() throws IOException {
        Client alice = Client.register(system.gatewayUrl(), system.readerUrl(), "Alice", PASSWORD);
        Client bob = Client.register(system.gatewayUrl(), system.readerUrl(), "Bob", PASSWORD);
        alice.addFriend(bob).expect(200);
        bob.addFriend(alice).expect(200);
        alice.createDialog(bob).expect(201);
        alice.send(bob, "sent before Bob logged in", "h-1").expect(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> bob.history(alice, "").expect(200).json().get("messages").size() == 1);

        WebDriver aliceWindow = browser();
        WebDriver bobWindow = browser();
        logIn(aliceWindow, alice);
        logIn(bobWindow, bob);
        openDialog(aliceWindow, bob);
        openDialog(bobWindow, alice);

        awaitMessage(bobWindow, "sent before Bob logged in");
        type(aliceWindow, "Hello Bob, live from Alice's browser");
        awaitMessage(bobWindow, "Hello Bob, live from Alice's browser");
        type(bobWindow, "Hi Alice, got it \u2014 over the WebSocket");
        awaitMessage(aliceWindow, "Hi Alice, got it \u2014 over the WebSocket");

        assertThat(awaitMessage(aliceWindow, "Hello Bob, live from Alice's browser")).contains("mine").doesNotContain("pending");
        assertThat(awaitMessage(bobWindow, "Hello Bob, live from Alice's browser")).doesNotContain("mine");
        assertThat(aliceWindow.findElements(By.cssSelector("#messages li.message"))).hasSize(3);
        saveSideBySide(aliceWindow, bobWindow);
    }

    private WebDriver browser() throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=760,620");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }

    private static void logIn(WebDriver window, Client user) {
        window.get(system.gatewayUrl() + "/");
        wait(window).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-id"))).sendKeys(user.id.toString());
        window.findElement(By.id("login-password")).sendKeys(PASSWORD);
        window.findElement(By.id("login-button")).click();
        wait(window).until(ExpectedConditions.textToBe(By.id("status"), "online"));
    }

    private static void openDialog(WebDriver window, Client friend) {
        wait(window).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#friends li.friend[data-id='" + friend.id + "']"))).click();
        wait(window).until(ExpectedConditions.attributeToBe(By.id("dialog"), "data-friend", friend.id.toString()));
    }

    private static void type(WebDriver window, String text) {
        window.findElement(By.id("composer")).sendKeys(text);
        window.findElement(By.id("send")).click();
    }

    /** The CSS classes of the message bubble that shows {@code text}, once there is one (the list is re-rendered). */
    private static String awaitMessage(WebDriver window, String text) {
        return wait(window).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "no message '" + text + "' in " + window.findElements(By.cssSelector(
                        "#messages li.message")).stream().map(WebElement::getText).toList()
                        + "; the page says: '" + window.findElement(By.id("chat-error")).getText() + "'")
                .until(w -> w.findElements(By.cssSelector("#messages li.message")).stream()
                        .filter(li -> li.getText().startsWith(text)).map(li -> li.getAttribute("class"))
                        .findFirst().orElse(null));
    }

    private static WebDriverWait wait(WebDriver window) {
        return new WebDriverWait(window, Duration.ofSeconds(30));
    }

    private static void saveSideBySide(WebDriver left, WebDriver right) throws IOException {
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) left).getScreenshotAs(OutputType.BYTES)));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) right).getScreenshotAs(OutputType.BYTES)));
        int gap = 12;
        BufferedImage both = new BufferedImage(a.getWidth() + gap + b.getWidth(), Math.max(a.getHeight(), b.getHeight()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, a.getWidth() + gap, 0, null);
        g.dispose();
        Files.createDirectories(SCREENSHOT.getParent());
        ImageIO.write(both, "png", SCREENSHOT.toFile());
    }
}
