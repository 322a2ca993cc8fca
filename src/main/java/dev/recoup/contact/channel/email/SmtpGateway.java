package dev.recoup.contact.channel.email;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.outbox.Accepted;
import dev.recoup.contact.outbox.GatewayException;
import dev.recoup.contact.outbox.MessageGateway;
import dev.recoup.contact.outbox.Outgoing;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.stereotype.Component;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * E-mail over SMTP with Jakarta Mail (Angus): plain text in UTF-8, one connection per message. The
 * Message-ID is ours and stable ({@code <recoup.outbound.ID@domain>}), so a bounce, a reply or the
 * relay's log names the outbox row, and a message sent twice after an uncertain end would carry
 * the same id. Accepted = the relay's 250 after DATA.
 *
 * <p>Failures: no connection or a 4xx before the message was taken → NOT_SENT (retry); a 5xx
 * refusal (no such mailbox, rejected) → REJECTED; a broken connection while the message data was
 * being sent or its reply awaited → AMBIGUOUS.
 */
@Component
class SmtpGateway implements MessageGateway {

    private final SmtpProperties properties;

    SmtpGateway(SmtpProperties properties) {
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public String describe() {
        return "SMTP " + properties.host() + ":" + properties.port() + " from " + properties.from();
    }

    static String messageId(long outboundId, String domain) {
        return "<recoup.outbound." + outboundId + "@" + domain + ">";
    }

    @Override
    public Accepted send(Outgoing outgoing) throws GatewayException {
        Session session = Session.getInstance(sessionProperties());
        String messageId = messageId(outgoing.id(), properties.domain());
        MimeMessage mail;
        try {
            mail = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mail.setFrom(new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name()));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(outgoing.endpoint(), outgoing.recipientName(), StandardCharsets.UTF_8.name()));
            mail.setSubject(outgoing.subject(), StandardCharsets.UTF_8.name());
            mail.setText(outgoing.body(), StandardCharsets.UTF_8.name());
            mail.setHeader("X-Recoup-Outbound-Id", String.valueOf(outgoing.id()));
            mail.setHeader("Content-Language", outgoing.language().tag());
            mail.setSentDate(new Date());
            mail.saveChanges();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw GatewayException.rejected("cannot build an e-mail to " + outgoing.endpoint() + ": " + e.getMessage(), e);
        }
        Transport transport;
        try {
            transport = session.getTransport(properties.ssl() ? "smtps" : "smtp");
            transport.connect(properties.host(), properties.port(), properties.username(), properties.password());
        } catch (MessagingException e) {
            throw GatewayException.notSent("cannot connect to " + describe() + ": " + e.getMessage(), e);
        }
        try {
            Address[] to = mail.getAllRecipients();
            transport.sendMessage(mail, to);
            return Accepted.of(messageId);
        } catch (SMTPSendFailedException e) {
            throw byReplyCode(e.getReturnCode(), e);
        } catch (SendFailedException e) {
            // MAIL FROM or RCPT TO refused: the message data was never sent.
            Exception next = e.getNextException();
            int code = next instanceof SMTPAddressFailedException address ? address.getReturnCode() : 550;
            throw byReplyCode(code, e);
        } catch (MessagingException e) {
            throw GatewayException.ambiguous("the connection to " + describe() + " failed while sending: " + e.getMessage(), e);
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the message's fate is already decided
            }
        }
    }

    private static GatewayException byReplyCode(int code, MessagingException e) {
        String what = "SMTP " + code + ": " + e.getMessage();
        return code >= 400 && code < 500 ? GatewayException.notSent(what + " (try later)", e) : GatewayException.rejected(what, e);
    }

    private Properties sessionProperties() {
        String protocol = properties.ssl() ? "smtps" : "smtp";
        Properties props = new Properties();
        String millis = String.valueOf(properties.timeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", millis);
        props.put("mail." + protocol + ".timeout", millis);
        props.put("mail." + protocol + ".writetimeout", millis);
        props.put("mail." + protocol + ".from", properties.bounceAddress());
        props.put("mail." + protocol + ".auth", String.valueOf(properties.username() != null && !properties.username().isBlank()));
        if (properties.starttls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        props.put("mail.mime.charset", StandardCharsets.UTF_8.name());
        return props;
    }
}
