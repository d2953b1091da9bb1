package dev.thetaevolve.remote;

import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerAddressTest {

    @Test
    void parse_defaultsPortVhostAndQueue_andPrintsNoCredentials() {
        BrokerAddress a = BrokerAddress.parse("amqp://user:secret@rabbitmq");
        assertThat(a.queue()).isEqualTo("thetaevolve.jobs");
        assertThat(a.toString()).isEqualTo("amqp://rabbitmq:5672/?queue=thetaevolve.jobs").doesNotContain("secret");
        ConnectionFactory f = a.connectionFactory(Map.of());
        assertThat(f.getHost()).isEqualTo("rabbitmq");
        assertThat(f.getPort()).isEqualTo(5672);
        assertThat(f.getVirtualHost()).isEqualTo("/");
        assertThat(f.getUsername()).isEqualTo("user");
        assertThat(f.getPassword()).isEqualTo("secret");
        assertThat(f.isAutomaticRecoveryEnabled()).isTrue();
    }

    @Test
    void parse_readsVhostQueueAndTimeouts_andTheEnvironmentWinsForCredentials() {
        BrokerAddress a = BrokerAddress.parse("amqps://broker.example:5671/runs%2Fa?queue=q.1&margin=2.5&outage=30&wait=600");
        assertThat(a.queue()).isEqualTo("q.1");
        assertThat(a.millis("margin", 0)).isEqualTo(2_500);
        assertThat(a.millis("outage", 0)).isEqualTo(30_000);
        assertThat(a.millis("wait", 0)).isEqualTo(600_000);
        assertThat(a.toString()).isEqualTo("amqps://broker.example:5671/runs/a?queue=q.1");
        ConnectionFactory f = a.connectionFactory(Map.of(BrokerAddress.USERNAME_ENV, "envuser", BrokerAddress.PASSWORD_ENV, "envpass"));
        assertThat(f.getVirtualHost()).isEqualTo("runs/a");
        assertThat(f.isSSL()).isTrue();
        assertThat(f.getUsername()).isEqualTo("envuser");
        assertThat(f.getPassword()).isEqualTo("envpass");
        assertThat(BrokerAddress.parse("amqp://h").connectionFactory(Map.of()).getUsername()).isEqualTo("guest");
    }

    @Test
    void parse_refusesWhatIsNotABrokerUri_withAMessage() {
        assertThatThrownBy(() -> BrokerAddress.parse("http://h")).hasMessageContaining("amqp://");
        assertThatThrownBy(() -> BrokerAddress.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> BrokerAddress.parse("amqp://h?queue=")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BrokerAddress.parse("amqp://h?prefetch=3")).hasMessageContaining("unknown broker URI parameter 'prefetch'");
        assertThatThrownBy(() -> BrokerAddress.parse("amqp://h?queue=a%20b")).hasMessageContaining("queue must be");
        assertThatThrownBy(() -> BrokerAddress.parse("amqp://h?margin=-1")).hasMessageContaining("margin");
    }

    @Test
    void parseForStorage_refusesCredentials_andNamesTheVariablesToUse() {
        assertThatThrownBy(() -> BrokerAddress.parseForStorage("amqp://u:p@h"))
                .hasMessageContaining("must not carry credentials").hasMessageContaining(BrokerAddress.USERNAME_ENV);
        assertThat(BrokerAddress.parseForStorage("amqp://h:5673").toString()).isEqualTo("amqp://h:5673/?queue=thetaevolve.jobs");
    }
}
