package dev.recoup.contact.outbox;

import dev.recoup.contact.domain.Channel;

/**
 * A protocol that carries messages of one channel to a gateway (SMPP for SMS, SMTP for e-mail).
 * {@link #send} returns only once the gateway has accepted the message, with the id it gave it;
 * anything else is a {@link GatewayException} that says whether the message may have gone out.
 */
public interface MessageGateway {

    Channel channel();

    /** Whether a gateway is configured; the dispatcher leaves this channel's messages waiting otherwise. */
    boolean configured();

    /** Where messages go, for logs and the status API ("SMPP 127.0.0.1:2775 as recoup"). */
    String describe();

    Accepted send(Outgoing message) throws GatewayException;

    /** Called at the start of every dispatcher run: a gateway with a standing connection re-binds here, so receipts keep coming. */
    default void maintain() {
    }
}
