// Seeds a demo dialog through the real DialogStore (the same calls the writer makes), for trying the reader
// without the gateway, Kafka and the writer. See reader/README.md, "Try it locally".
//   jshell --class-path "$(cat /tmp/reader.cp)" -R-Dredis=redis://127.0.0.1:6390 reader/dev/seed-demo.jsh
import dev.chat.common.dialog.*;
import dev.chat.common.id.MessageIds;
import dev.chat.udf.*;
import java.util.UUID;

var alice = UUID.fromString("a11ce000-0000-4000-8000-000000000001");
var bob = UUID.fromString("b0b00000-0000-4000-8000-000000000002");
var chat = RedisChat.connect(RedisChatSettings.standalone(System.getProperty("redis", "redis://127.0.0.1:6379")));
chat.loadFunctions();
var store = chat.dialogStore();
var dialog = store.makeDialog(alice, bob, UUID.randomUUID(), "alice & bob").dialog();
var ids = new MessageIds();
String[][] lines = {{"a", "hi bob"}, {"b", "hi alice"}, {"a", "lunch?"}, {"b", "sure, 12:30"}, {"a", "see you"}};
for (String[] line : lines) {
    UUID id = ids.next();
    store.writeMessage(new ChatMessage(id, line[0].equals("a") ? alice : bob, dialog.id(), line[1],
            MessageIds.millisOf(id)), null);
}
System.out.println("dialog " + dialog.id() + " between alice " + alice + " and bob " + bob);
chat.close();
/exit
