package dev.recoup.shared;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CopyRowsTest {

    @Test
    void textWithEscapesNullsNumbersAndDatesReadBackAsTheyWereWritten() {
        CopyRowWriter writer = new CopyRowWriter(64);
        writer.add(-42).add("个体\t经营\\户\n第二行").add((String) null).add(LocalDate.parse("2026-11-20")).add("").add(7).end();
        byte[] row = writer.bytes();

        CopyRowReader fields = new CopyRowReader().reset(row);

        assertThat(fields.nextLong()).isEqualTo(-42);
        assertThat(fields.nextText()).isEqualTo("个体\t经营\\户\n第二行");
        assertThat(fields.nextText()).isNull();
        assertThat(fields.nextEpochDay()).isEqualTo(LocalDate.parse("2026-11-20").toEpochDay());
        assertThat(fields.nextText()).isEmpty();
        assertThat(fields.nextInt()).isEqualTo(7);
        assertThat(new String(row, StandardCharsets.UTF_8)).isEqualTo("-42\t个体\\t经营\\\\户\\n第二行\t\\N\t2026-11-20\t\t7\n");
    }

    @Test
    void anEmptyFirstFieldStillGetsItsSeparator() {
        CopyRowWriter writer = new CopyRowWriter(64);
        writer.add("").add(true).add((Object) null).end();
        writer.add(1L).add(Long.valueOf(2)).end();

        assertThat(new String(writer.bytes(), StandardCharsets.UTF_8)).isEqualTo("\tt\t\\N\n1\t2\n");
        assertThat(writer.rows()).isEqualTo(2);
    }
}
