package dev.chat.loadtest.collect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a store takes for a data set, against the {@link MemberBytes} yardstick: the common part of a store's
 * {@code memory} figures in {@code ceiling.json}.
 *
 * @param dialogs           dialogs loaded
 * @param messagesPerDialog messages in each
 * @param memberBytes       the messages' {@link MemberBytes}, summed
 * @param storeBytes        what the store takes for them (how: {@code method})
 * @param method            how {@code storeBytes} was measured
 */
record StoreMemory(int dialogs, int messagesPerDialog, long memberBytes, long storeBytes, String method) {

    long messages() {
        return (long) dialogs * messagesPerDialog;
    }

    double bytesPerMessage() {
        return (double) storeBytes / messages();
    }

    double ratioToMembers() {
        return (double) storeBytes / memberBytes;
    }

    /** The schema's common fields in its order, {@code breakdown} (a store's parts of storeBytes) after storeBytes. */
    Map<String, Object> toJson(Map<String, Long> breakdown) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dialogs", dialogs);
        json.put("messagesPerDialog", messagesPerDialog);
        json.put("messages", messages());
        json.put("memberBytes", memberBytes);
        json.put("storeBytes", storeBytes);
        json.putAll(breakdown);
        json.put("bytesPerMessage", Math.round(bytesPerMessage() * 10) / 10.0);
        json.put("ratioToMembers", Math.round(ratioToMembers() * 1000) / 1000.0);
        json.put("method", method);
        return json;
    }
}
