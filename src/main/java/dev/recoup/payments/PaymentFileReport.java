package dev.recoup.payments;

import java.time.Instant;
import java.util.List;

/**
 * What posting a payment file did, with its rejected rows in the portfolio import's style (row,
 * column, value, reason in English and Chinese).
 *
 * @param rowsRead      rows read (blank rows are not counted); {@code rowsRead = rowsPosted + rowsRejected}
 * @param amountPosted  fen posted, of which {@code creditKept} no instalment needed
 * @param rejectionCount all problems of all rejected rows (a row can have several)
 * @param rejections    the first {@value #INLINE_REJECTIONS}, by row and column
 */
public record PaymentFileReport(long id, String file, String sheet, String requestedBy, Instant startedAt, Instant finishedAt, long rowsRead,
                                long rowsPosted, long rowsRejected, long amountPosted, long creditKept, List<String> ignoredColumns,
                                long rejectionCount, List<Rejection> rejections) {

    public static final int INLINE_REJECTIONS = 100;

    /**
     * @param code     stable: {@code duplicate}, {@code unknown_account}, {@code already_posted}, {@code paid_in_future},
     *                 or any code of the import format ({@code not_a_date} …)
     * @param reason   in English
     * @param reasonZh in Chinese (zh-CN)
     */
    public record Rejection(long row, String column, String value, String code, String reason, String reasonZh) {
    }
}
