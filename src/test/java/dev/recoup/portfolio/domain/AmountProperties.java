package dev.recoup.portfolio.domain;

import dev.recoup.shared.MinorUnits;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class AmountProperties {

    private static final Layout LAYOUT = new Layout();
    private static final Column AMOUNT = LAYOUT.required("amount");

    @Property
    void anyAmountWrittenInYuanIsReadBackAsTheSameFen(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 100) long fen) {
        Cells cells = new Cells(LAYOUT);
        cells.load(new String[] {MinorUnits.format(fen, 2)});

        assertThat(cells.amount(AMOUNT)).isEqualTo(fen);
    }

    @Property
    void aNegativeAmountIsNeverAccepted(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 100) long fen) {
        Cells cells = new Cells(LAYOUT);
        cells.load(new String[] {"-" + MinorUnits.format(fen, 2)});

        assertThat(cells.amount(AMOUNT)).isNull();
        assertThat(cells.ok()).isFalse();
    }
}
