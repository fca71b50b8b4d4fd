package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FunctionLibraryTests {

    @Test
    void readsNameAndVersionFromTheBundledLua() {
        FunctionLibrary library = FunctionLibrary.bundled();

        assertThat(library.name()).isEqualTo("chat");
        assertThat(library.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(library.code()).startsWith("#!lua name=chat\n");
    }

    @Test
    void refusesASourceWithoutVersion() {
        assertThatThrownBy(() -> FunctionLibrary.parse("#!lua name=chat\nlocal x = 1\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("local VERSION = '<version>'");
        assertThatThrownBy(() -> FunctionLibrary.parse("local VERSION = '1'\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("#!lua name=<name>");
    }
}
