package dev.recoup.contact.testing;

import dev.recoup.contact.channel.domain.SmsEncoding;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real SMPP server for tests, on jSMPP's server side: accepts transceiver binds, answers
 * submit_sm with its own message ids, records every PDU it received, sends delivery receipts and
 * replies on demand, and can be stopped and started again on the same port, or made to die while
 * handling a submit_sm (it has read the message but never answers).
 */
public class TestSmsc implements ServerMessageReceiverListener, AutoCloseable {

    /** A submit_sm as received. */
    public record Received(String messageId, String destination, byte esmClass, byte dataCoding, byte[] shortMessage, byte[] payload) {

        public boolean udh() {
            return (esmClass & 0x40) != 0;
        }

        /** The text of this PDU alone (header stripped). */
        public String text() {
            byte[] bytes = payload != null ? payload : shortMessage;
            int skip = udh() ? (bytes[0] & 0xFF) + 1 : 0;
            byte[] body = new byte[bytes.length - skip];
            System.arraycopy(bytes, skip, body, 0, body.length);
            return SmsEncoding.decode(body, dataCoding);
        }

        /** For a UDH segment: reference, total, number. */
        public int[] concatenation() {
            return udh() ? new int[] {shortMessage[3] & 0xFF, shortMessage[4] & 0xFF, shortMessage[5] & 0xFF} : null;
        }
    }

    private final int port;
    private final AtomicInteger ids = new AtomicInteger(70_000);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> refuse = new ConcurrentHashMap<>();
    private volatile Predicate<SubmitSm> dieOn = s -> false;
    private volatile SMPPServerSessionListener listener;
    private volatile Thread acceptor;
    private final AtomicInteger binds = new AtomicInteger();

    public TestSmsc(int port) {
        this.port = port;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized TestSmsc start() {
        if (listener != null) {
            return this;
        }
        try {
            SMPPServerSessionListener server = new SMPPServerSessionListener(port);
            server.setMessageReceiverListener(this);
            listener = server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
        SMPPServerSessionListener server = listener;
        acceptor = Thread.ofVirtual().name("test-smsc-" + port).start(() -> {
            while (true) {
                try {
                    SMPPServerSession session = server.accept();
                    Thread.ofVirtual().start(() -> bind(session));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
        return this;
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            request.accept("test-smsc");
            sessions.add(session);
            binds.incrementAndGet();
        } catch (Exception e) {
            session.close();
        }
    }

    /** Closes the listening socket and every session, as a crashing SMSC would. */
    public synchronized void stop() {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        listener = null;
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    public int binds() {
        return binds.get();
    }

    /** The id the next accepted submit_sm will get. */
    public String nextMessageId() {
        return Integer.toHexString(ids.get() + 1);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
        refuse.clear();
        dieOn = s -> false;
    }

    /** Answers submit_sm to {@code destination} with this command status (e.g. 0x0B invalid destination, 0x58 throttled). */
    public void refuse(String destination, int commandStatus) {
        refuse.put(destination, commandStatus);
    }

    /** The next submit_sm matching {@code which} is read, recorded, and the SMSC dies before answering it. */
    public void dieWhileHandling(Predicate<SubmitSm> which) {
        dieOn = which;
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        OptionalParameter payload = submitSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        byte[] payloadBytes = payload instanceof OptionalParameter.OctetString octets ? octets.getValue() : null;
        Integer status = refuse.get(submitSm.getDestAddress());
        if (status != null) {
            throw new ProcessRequestException("refused by test", status);
        }
        String id = Integer.toHexString(ids.incrementAndGet());
        if (dieOn.test(submitSm)) {
            dieOn = s -> false;
            received.add(new Received(null, submitSm.getDestAddress(), submitSm.getEsmClass(), submitSm.getDataCoding(), submitSm.getShortMessage(),
                    payloadBytes));
            // Die from another thread (a session cannot close itself from its own worker) and never answer.
            Thread.ofVirtual().start(this::stop);
            for (int i = 0; i < 500 && source.getSessionState().isNotClosed(); i++) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new ProcessRequestException("died", 0x08);
        }
        received.add(new Received(id, submitSm.getDestAddress(), submitSm.getEsmClass(), submitSm.getDataCoding(), submitSm.getShortMessage(), payloadBytes));
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (org.jsmpp.PDUStringException e) {
            throw new ProcessRequestException(e.getMessage(), 0x08);
        }
    }

    /** Sends a delivery receipt for {@code messageId} on the first bound session. */
    public void sendReceipt(String messageId, DeliveryReceiptState state) throws Exception {
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(), new Date(), state,
                state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
        session().deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "13800138000", TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, "Recoup", new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, receipt.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A text from a phone to us (mobile-originated), in UCS-2. */
    public void sendReply(String from, String text) throws Exception {
        session().deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, from, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                "Recoup", new ESMClass(), (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance((byte) 0x08),
                text.getBytes(StandardCharsets.UTF_16BE));
    }

    private SMPPServerSession session() {
        for (SMPPServerSession session : sessions) {
            if (session.getSessionState().isBound()) {
                return session;
            }
        }
        throw new IllegalStateException("no bound session");
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    static List<String> texts(List<Received> received) {
        List<String> texts = new ArrayList<>();
        for (Received r : received) {
            texts.add(r.text());
        }
        return texts;
    }
}
