package dev.chat.udf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled {@code chat.lua}: its source, library name and version. The version is read from the
 * source itself, so the check after loading compares Redis with exactly the file this jar carries.
 */
record FunctionLibrary(String name, String version, String code) {

    static final String RESOURCE = "/chat.lua";

    private static final Pattern NAME = Pattern.compile("\\A#!lua name=(\\w+)");
    private static final Pattern VERSION = Pattern.compile("(?m)^local VERSION = '([^']+)'");

    static FunctionLibrary bundled() {
        try (InputStream in = FunctionLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("redis-udf: " + RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("redis-udf: cannot read " + RESOURCE, e);
        }
    }

    static FunctionLibrary parse(String code) {
        return new FunctionLibrary(find(NAME, code, "#!lua name=<name> first line"),
                find(VERSION, code, "local VERSION = '<version>'"), code);
    }

    private static String find(Pattern pattern, String code, String what) {
        Matcher m = pattern.matcher(code);
        if (!m.find()) {
            throw new IllegalStateException("redis-udf: the Lua library has no " + what);
        }
        return m.group(1);
    }
}
