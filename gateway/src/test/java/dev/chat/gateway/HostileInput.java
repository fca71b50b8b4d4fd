package dev.chat.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strings for the bad-input sweep. {@link #VALID} are hostile but valid text: injection attempts and Unicode edge
 * cases that must be accepted and come back byte for byte. {@link #LONE_SURROGATES} cannot be encoded as UTF-8 at
 * all, so they must be refused, never stored as something else.
 */
public final class HostileInput {

    /** Name → text. Each starts or ends with a visible character, so none is blank. */
    public static final Map<String, String> VALID = valid();

    /** JSON string contents (escapes as a client would write them) with a surrogate that has no pair. */
    public static final List<String> LONE_SURROGATES = List.of("\\ud800", "a\\udfffb", "x\\ud83d", "\\ude00\\ud83d y");

    private HostileInput() {
    }

    private static Map<String, String> valid() {
        Map<String, String> strings = new LinkedHashMap<>();
        strings.put("sql", "'); DROP TABLE users;--");
        strings.put("sql-or", "' OR '1'='1' -- \" OR \"\"=\"");
        strings.put("lua", "\"]]) redis.call('FLUSHALL') --");
        strings.put("lua-brackets", "]] .. redis.call('DEL', KEYS[1]) .. [[ [==[ ]==]");
        strings.put("nosql", "{\"$gt\":\"\"}");
        strings.put("json-break", "\"},{\"id\":\"x\", \"message\":\"forged");
        strings.put("json-escapes", "\\\"},{ \\u0000 \\n literally");
        strings.put("rtl", "\u202Eevil\u202C \u200Fשלום\u200F مرحبا");
        strings.put("zero-width", "👨\u200D👩\u200D👧\u200D👦 a\u200Db\u200Bc\uFEFFd\u2060e");
        strings.put("nul", "a\u0000b\u0000");
        strings.put("emoji", "😀🎉🇺🇦👍🏽 \uDBFF\uDFFF");
        strings.put("combining", "e\u0301 Z\u0335\u0321\u0322a\u0337\u0336l\u0338g\u0334o\u0489");
        strings.put("controls", "tab\t nl\n cr\r bell\u0007 esc\u001B[31m del\u007F");
        strings.put("separators", "x\u2028\u2029\u0085\u00A0y");
        strings.put("format", "%s %n %d %% {0} ${jndi:ldap://x/a} #{1+1}");
        strings.put("html", "<script>alert(1)</script>&amp;&lt;");
        strings.put("noncharacters", "x\uFFFE\uFFFF\uFDD0");
        return Collections.unmodifiableMap(strings);
    }
}
