package dev.chat.system;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/** Headless windows of Debian's chromium (each with a profile of its own), closed and deleted together. */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final List<WebDriver> windows = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    WebDriver window() throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=760,620");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        windows.add(driver);
        return driver;
    }

    /** Both windows' screenshots side by side in one PNG. */
    static void saveSideBySide(WebDriver left, WebDriver right, Path file) throws IOException {
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
        Files.createDirectories(file.getParent());
        ImageIO.write(both, "png", file.toFile());
    }

    @Override
    public void close() throws IOException {
        windows.forEach(WebDriver::quit);
        for (Path profile : profiles) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }
}
