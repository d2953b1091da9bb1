package dev.thetaevolve.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseReaderTest {
    static List<ApiClient.Event> read(String stream, int stopAfter) throws IOException {
        List<ApiClient.Event> got = new ArrayList<>();
        SseReader.read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), e -> {
            got.add(e);
            return got.size() < stopAfter;
        });
        return got;
    }

    @Test
    void read_parsesNamesMultiLineDataAndSkipsComments() throws IOException {
        String s = ": hello\n\nevent: step\nid: 3\ndata: {\"a\":\ndata:1}\n\nretry: 100\ndata: plain\n\nevent: x\n\n";
        assertThat(read(s, 99)).containsExactly(new ApiClient.Event("step", "{\"a\":\n1}"), new ApiClient.Event("message", "plain"));
    }

    @Test
    void read_stopsWhenTheListenerSaysSo() throws IOException {
        assertThat(read("data: 1\n\ndata: 2\n\ndata: 3\n\n", 2)).extracting(ApiClient.Event::data).containsExactly("1", "2");
    }

    @Test
    void read_crlfLinesAndAnUnterminatedLastEventIsDropped() throws IOException {
        assertThat(read("event: a\r\ndata: 1\r\n\r\ndata: partial", 99)).containsExactly(new ApiClient.Event("a", "1"));
    }
}
