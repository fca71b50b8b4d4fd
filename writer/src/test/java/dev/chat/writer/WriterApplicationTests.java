package dev.chat.writer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = WriterApplication.CONFIG_NAME)
class WriterApplicationTests {

    @Value("${spring.application.name:missing}")
    String marker;

    @Test
    void loadsItsOwnConfigFile() {
        assertThat(marker).isEqualTo("writer");
    }
}
