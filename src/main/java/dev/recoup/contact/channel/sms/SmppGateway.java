package dev.recoup.contact.channel.sms;

import dev.recoup.contact.channel.domain.OptOutReply;
import dev.recoup.contact.channel.domain.SmsEncoding;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.outbox.Accepted;
import dev.recoup.contact.outbox.GatewayException;
import dev.recoup.contact.outbox.MessageGateway;
import dev.recoup.contact.outbox.OutboxReceipts;
import dev.recoup.contact.outbox.Outgoing;
import dev.recoup.shared.BusinessClock;
import jakarta.annotation.PreDestroy;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SMS over SMPP 3.4 with jSMPP: one transceiver bind (submit_sm out, deliver_sm in), UCS-2 for
 * Chinese, long texts in UDH segments (or message_payload), delivery receipts requested and fed to
 * {@link OutboxReceipts}; replies asking to stop (回T退订) become the ledger's OPTED_OUT.
 *
 * <p>How a failure is classified decides whether a message can be sent twice: an error before the
 * PDU was written (not bound, connection refused, write failed) or a negative submit_sm_resp that
 * means "not taken, try later" is NOT_SENT; a missing or garbled response after the PDU was
 * written is AMBIGUOUS (the SMSC may have taken it); a refusal of the message itself (bad number)
 * is REJECTED. A failure after the first of several segments is AMBIGUOUS too (part went out).
 */
@Component
class SmppGateway implements MessageGateway {

    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);
    /** submit_sm_resp statuses that mean the SMSC did not take the message but may later: throttled, queue full, system error, submit failed, temporary app error, bad bind state. */
    private static final Set<Integer> TRY_LATER = Set.of(0x08, 0x14, 0x58, 0x45, 0x64, 0x04, 0x0D);

    private final SmppProperties properties;
    private final OutboxReceipts receipts;
    private final BusinessClock clock;
    private final AtomicInteger reference = new AtomicInteger();
    private SMPPSession session;

    SmppGateway(SmppProperties properties, OutboxReceipts receipts, BusinessClock clock) {
        this.properties = properties;
        this.receipts = receipts;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public String describe() {
        return "SMPP " + properties.host() + ":" + properties.port() + " as " + properties.systemId();
    }

    @Override
    public synchronized void maintain() {
        try {
            bound();
        } catch (IOException e) {
            log.info("SMS gateway {} not reachable: {}", describe(), e.getMessage());
        }
    }

    /** Whether a bound session is open now. */
    synchronized boolean isBound() {
        return session != null && session.getSessionState().isBound();
    }

    @Override
    public synchronized Accepted send(Outgoing message) throws GatewayException {
        SMPPSession bound;
        try {
            bound = bound();
        } catch (IOException e) {
            throw GatewayException.notSent("cannot bind to " + describe() + ": " + e.getMessage(), e);
        }
        String text = message.body();
        SmsEncoding.Coding coding = SmsEncoding.codingOf(text);
        List<String> ids = new ArrayList<>();
        RegisteredDelivery delivery = new RegisteredDelivery(properties.deliveryReceipts() ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
        if (properties.longMessages() == SmppProperties.LongMessages.PAYLOAD && SmsEncoding.encode(text, coding).length > SmsEncoding.SINGLE_MAX) {
            ids.add(submit(bound, message, new ESMClass(), coding, new byte[0], delivery, 0,
                    new OptionalParameter.Message_payload(SmsEncoding.encode(text, coding))));
        } else {
            List<SmsEncoding.Segment> segments = SmsEncoding.segments(text, coding, reference.incrementAndGet() & 0xFF);
            for (int i = 0; i < segments.size(); i++) {
                SmsEncoding.Segment segment = segments.get(i);
                ids.add(submit(bound, message, segment.withHeader() ? new ESMClass((byte) 0x40) : new ESMClass(), coding, segment.bytes(), delivery, i));
            }
        }
        return new Accepted(ids.getFirst(), ids);
    }

    private String submit(SMPPSession bound, Outgoing message, ESMClass esm, SmsEncoding.Coding coding, byte[] bytes, RegisteredDelivery delivery,
                          int segment, OptionalParameter... optional) throws GatewayException {
        String which = segment == 0 ? "" : " (segment " + (segment + 1) + ")";
        try {
            return bound.submitShortMessage("", TypeOfNumber.valueOf(properties.sourceTon().byteValue()),
                    NumberingPlanIndicator.valueOf(properties.sourceNpi().byteValue()), properties.sourceAddress(),
                    TypeOfNumber.valueOf(properties.destinationTon().byteValue()), NumberingPlanIndicator.valueOf(properties.destinationNpi().byteValue()),
                    message.endpoint(), esm, (byte) 0, (byte) 1, null, null, delivery, (byte) 0, DataCodings.newInstance(coding.dataCoding()), (byte) 0,
                    bytes, optional).getMessageId();
        } catch (PDUException e) {
            if (segment > 0) {
                throw GatewayException.ambiguous("earlier segments went out; then" + which + " the PDU was invalid: " + e.getMessage(), e);
            }
            throw GatewayException.rejected("invalid submit_sm (number " + message.endpoint() + "?): " + e.getMessage(), e);
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            String what = String.format("submit_sm_resp status 0x%02X%s", status, which);
            if (segment > 0) {
                throw GatewayException.ambiguous("earlier segments went out; then " + what, e);
            }
            throw TRY_LATER.contains(status) ? GatewayException.notSent(what + " (not taken, try later)", e) : GatewayException.rejected(what, e);
        } catch (ResponseTimeoutException | InvalidResponseException e) {
            closeQuietly();
            throw GatewayException.ambiguous("no valid submit_sm_resp" + which + " within " + properties.responseTimeout() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly();
            if (segment > 0) {
                throw GatewayException.ambiguous("earlier segments went out; then" + which + " " + e.getMessage(), e);
            }
            throw GatewayException.notSent("could not write submit_sm: " + e.getMessage(), e);
        }
    }

    private SMPPSession bound() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        closeQuietly();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(properties.responseTimeout().toMillis());
        fresh.setEnquireLinkTimer((int) properties.enquireLink().toMillis());
        fresh.setMessageReceiverListener(new Receiver());
        try {
            fresh.connectAndBind(properties.host(), properties.port(), new BindParameter(BindType.BIND_TRX, properties.systemId(), properties.password(),
                    properties.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), properties.bindTimeout().toMillis());
        } catch (IOException e) {
            fresh.close();
            throw e;
        }
        log.info("SMS gateway bound: {}", describe());
        session = fresh;
        return fresh;
    }

    private void closeQuietly() {
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException e) {
                log.debug("closing the SMPP session", e);
            }
            session = null;
        }
    }

    @PreDestroy
    synchronized void unbind() {
        if (session != null) {
            try {
                session.unbindAndClose();
            } catch (RuntimeException e) {
                log.debug("unbinding", e);
            }
            session = null;
        }
    }

    /** deliver_sm from the SMSC: delivery receipts and replies. Throwing makes the SMSC deliver it again later. */
    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            try {
                if (deliverSm.isSmscDeliveryReceipt()) {
                    receipt(deliverSm);
                } else {
                    reply(deliverSm);
                }
            } catch (RuntimeException e) {
                log.warn("deliver_sm not processed (the SMSC will retry): {}", e.toString());
                throw new ProcessRequestException("not processed: " + e.getMessage(), 0x08);
            }
        }

        private void receipt(DeliverSm deliverSm) throws ProcessRequestException {
            DeliveryReceipt receipt;
            try {
                receipt = deliverSm.getShortMessageAsDeliveryReceipt();
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("An unreadable delivery receipt: {}", new String(deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage(),
                        StandardCharsets.ISO_8859_1));
                return;
            }
            String id = receipt.getId();
            OptionalParameter tlv = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
            if (tlv instanceof OptionalParameter.COctetString receipted && receipted.getValueAsString() != null) {
                id = receipted.getValueAsString();
            }
            DeliveryReceiptState state = receipt.getFinalStatus();
            OutboxReceipts.Result result = switch (state) {
                case DELIVRD -> OutboxReceipts.Result.DELIVERED;
                case UNDELIV, EXPIRED, DELETED, REJECTD -> OutboxReceipts.Result.FAILED;
                default -> null;
            };
            if (result == null) {
                log.debug("Intermediate receipt {} for {}", state, id);
                return;
            }
            receipts.receipt(Channel.SMS, id, result, clock.now(), "SMPP " + state + (receipt.getError() == null ? "" : " err:" + receipt.getError()));
        }

        private void reply(DeliverSm deliverSm) {
            byte[] bytes = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
            String text = SmsEncoding.decode(bytes, deliverSm.getDataCoding());
            if (OptOutReply.isOptOut(text)) {
                Long message = receipts.optOutReply(deliverSm.getSourceAddr(), clock.now());
                log.info("Opt-out reply from {}: {}", dev.recoup.shared.Masking.phone(deliverSm.getSourceAddr()), message == null ? "no SMS of ours to that number" : "recorded on message " + message);
            } else {
                log.info("SMS reply from {} (not an opt-out) ignored", dev.recoup.shared.Masking.phone(deliverSm.getSourceAddr()));
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", 0x03);
        }
    }
}
