package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import dev.chat.testsupport.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web client in real headless Chromium windows: two users log in, open their dialog, see its history (read
 * from the reader, cross-origin) and chat; a message typed in one window appears in the other over /ws; a page whose
 * gateway goes away fails over to another gateway by itself. Skipped when Debian's chromium and chromium-driver are
 * not installed. Leaves target/web-client.png (both windows).
 */
class WebClientBrowserTests {

    private static final Path SCREENSHOT = Path.of("target", "web-client.png");
    private static final String PASSWORD = "correct horse battery staple";

    private static RunningSystem system;

    private final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        if (!Chromium.installed()) {
            return; // skipped test by test, so the report counts and names them
        }
        system = RunningSystem.start();
        awaitFanOut(system.gatewayUrl());
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
            assertThat(Chromium.installed()).as("CHAT_REQUIRE_BROWSER is set: the browser test must run, and " + needs).isTrue();
        }
        assumeTrue(Chromium.installed(), "browser test skipped: " + needs);
    }

    @AfterEach
    void closeBrowsers() throws IOException {
        chromium.close();
    }

    @Test
    void aMessageTypedInOneBrowserAppearsInTheOther() throws IOException {
        Client alice = Client.register(system.gatewayUrl(), system.readerUrl(), "Alice", PASSWORD);
        Client bob = Client.register(system.gatewayUrl(), system.readerUrl(), "Bob", PASSWORD);
        befriend(alice, bob);
        alice.send(bob, "sent before Bob logged in", "h-1").expect(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> bob.history(alice, "").expect(200).json().get("messages").size() == 1);

        WebDriver aliceWindow = chromium.window();
        WebDriver bobWindow = chromium.window();
        logIn(aliceWindow, system.gatewayUrl(), alice);
        logIn(bobWindow, system.gatewayUrl(), bob);
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
        Chromium.saveSideBySide(aliceWindow, bobWindow, SCREENSHOT);
    }

    /**
     * Issue #14 in two browsers: Bob's list shows Alice online once her page is open, then her message as the dialog's
     * preview with an unread badge; Bob opening the dialog clears the badge and puts a read mark on Alice's message in
     * her window; Bob typing shows "… is typing" under the dialog in hers.
     */
    @Test
    void theDialogListShowsOnlineAndUnreadAndReadMarksAndTypingReachTheOtherBrowser() throws IOException {
        Client alice = Client.register(system.gatewayUrl(), system.readerUrl(), "Alice", PASSWORD);
        Client bob = Client.register(system.gatewayUrl(), system.readerUrl(), "Bob", PASSWORD);
        befriend(alice, bob);
        WebDriver bobWindow = chromium.window();
        logIn(bobWindow, system.gatewayUrl(), bob);
        WebDriver aliceWindow = chromium.window();
        logIn(aliceWindow, system.gatewayUrl(), alice);
        wait(bobWindow).until(w -> entry(w, alice).contains("online"));

        openDialog(aliceWindow, bob);
        type(aliceWindow, "are you there?");
        wait(bobWindow).ignoring(StaleElementReferenceException.class).until(w -> badge(w, alice).equals("1"));
        assertThat(entry(bobWindow, alice)).contains("are you there?");

        openDialog(bobWindow, alice);
        wait(bobWindow).ignoring(StaleElementReferenceException.class).until(w -> badge(w, alice).isEmpty());
        assertThat(awaitMessageText(aliceWindow, "are you there?")).contains("read");

        bobWindow.findElement(By.id("composer")).sendKeys("yes");
        wait(aliceWindow).until(w -> w.findElement(By.id("typing")).getText().contains("is typing"));
    }

    private static String entry(WebDriver window, Client friend) {
        return window.findElement(By.cssSelector("#friends li.friend[data-id='" + friend.id + "']")).getText();
    }

    /** The unread badge's text in the friend's entry, "" without one. */
    private static String badge(WebDriver window, Client friend) {
        return window.findElements(By.cssSelector("#friends li.friend[data-id='" + friend.id + "'] .unread")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    /** The whole text of the bubble that starts with {@code text}, once it shows a read mark. */
    private static String awaitMessageText(WebDriver window, String text) {
        return wait(window).ignoring(StaleElementReferenceException.class).until(w -> w.findElements(
                        By.cssSelector("#messages li.message")).stream().map(WebElement::getText)
                .filter(t -> t.startsWith(text) && t.contains("\u2713\u2713 read")).findFirst().orElse(null));
    }

    /**
     * Alice's page comes from a gateway whose {@code chat.web.gateways} names a spare that is not up yet. Her gateway
     * stops; a message to her is stored while she has no gateway at all (so only the {@code after} catch-up can bring
     * it); the spare comes up, allowing her page's origin, and the page connects to it by itself, catches the message
     * up once, and sends over the new socket.
     */
    @Test
    void aPageWhoseGatewayStopsFailsOverToAnotherGatewayCatchesUpAndSendsAgain() throws IOException {
        Client alice = Client.register(system.gatewayUrl(), system.readerUrl(), "Alice", PASSWORD);
        Client bob = Client.register(system.gatewayUrl(), system.readerUrl(), "Bob", PASSWORD);
        befriend(alice, bob);
        String lost = "http://127.0.0.1:" + FreePorts.find();
        String spare = "http://127.0.0.1:" + FreePorts.find();
        ConfigurableApplicationContext lostGateway = system.startGateway(port(lost), "chat.web.gateways=" + spare);
        awaitFanOut(lost);
        WebDriver window = chromium.window();
        logIn(window, lost, alice);
        openDialog(window, bob);
        type(window, "on the first gateway");
        awaitStoredAndPushed(window, "on the first gateway");
        assertThat(connectedTo(window)).isEqualTo(lost);

        lostGateway.close();
        wait(window).until(w -> w.findElement(By.id("status")).getText().startsWith("offline"));
        bob.send(alice, "sent while Alice had no gateway", "f-2").expect(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> alice.history(bob, "").expect(200).json().get("messages").size() == 2);
        system.startGateway(port(spare), "chat.ws.allowed-origins=" + lost);
        awaitFanOut(spare);

        // the back-off has grown while no gateway answered: up to 16 s between tries by now
        new WebDriverWait(window, Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("status"), "online"));
        assertThat(connectedTo(window)).isEqualTo(spare);
        assertThat(window.findElement(By.id("gateway")).getText()).isEqualTo("via " + spare.substring("http://".length()));
        awaitMessage(window, "sent while Alice had no gateway");
        type(window, "back, through the spare gateway");
        awaitStoredAndPushed(window, "back, through the spare gateway");
        assertThat(window.findElements(By.cssSelector("#messages li.message"))).as("each message once").hasSize(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> bob.history(alice, "").expect(200).json().get("messages").size() == 3);
    }

    private static void befriend(Client alice, Client bob) {
        alice.addFriend(bob).expect(200);
        bob.addFriend(alice).expect(200);
        alice.createDialog(bob).expect(201);
    }

    /** Pushes reach a gateway's sessions only once its fan-out owns its partitions. */
    private static void awaitFanOut(String gateway) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Client.call("GET", gateway + "/actuator/health/websocket", null, null).status() == 200);
    }

    private static int port(String origin) {
        return Integer.parseInt(origin.substring(origin.lastIndexOf(':') + 1));
    }

    private static String connectedTo(WebDriver window) {
        return window.findElement(By.id("gateway")).getDomAttribute("data-origin");
    }

    private static void logIn(WebDriver window, String gateway, Client user) {
        window.get(gateway + "/");
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

    /** One's own message is "sending…" (pending) until the gateway pushes it back stored. */
    private static void awaitStoredAndPushed(WebDriver window, String text) {
        wait(window).until(w -> {
            String classes = awaitMessage(w, text);
            return classes.contains("mine") && !classes.contains("pending");
        });
    }

    private static WebDriverWait wait(WebDriver window) {
        return new WebDriverWait(window, Duration.ofSeconds(30));
    }
}
