package dev.recoup.contact.domain;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TimeZonesTest {

    @Test
    void everyMainlandRegionIsOnBeijingTimeIncludingXinjiangByLaw() {
        assertThat(ChinaTimeZones.forRegionCode("110101").zones()).containsExactly(ChinaTimeZones.BEIJING);
        assertThat(ChinaTimeZones.forRegionCode("650102").zones()).containsExactly(ChinaTimeZones.BEIJING);
        assertThat(ChinaTimeZones.forRegionCode("650102", ChinaTimeZones.XinjiangTime.ALSO_LOCAL).zones())
                .containsExactly(ChinaTimeZones.BEIJING, ChinaTimeZones.XINJIANG);
        assertThat(ChinaTimeZones.forRegionCode("810000").zones()).containsExactly(ZoneId.of("Asia/Hong_Kong"));
        assertThat(ChinaTimeZones.forRegionCode("990000").isEmpty()).isTrue();
        assertThat(ChinaTimeZones.forRegionCode(null).isEmpty()).isTrue();
    }

    @Test
    void phoneNumbersGiveTheirCountrysZone() {
        assertThat(ChinaTimeZones.forPhone("138 1234 5678").zones()).containsExactly(ChinaTimeZones.BEIJING);
        assertThat(ChinaTimeZones.forPhone("010-12345678").zones()).containsExactly(ChinaTimeZones.BEIJING);
        assertThat(ChinaTimeZones.forPhone("+86 138 1234 5678").zones()).containsExactly(ChinaTimeZones.BEIJING);
        assertThat(ChinaTimeZones.forPhone("+852 9123 4567").zones()).containsExactly(ZoneId.of("Asia/Hong_Kong"));
        assertThat(ChinaTimeZones.forPhone("+1 212 555 0100").zones()).containsExactly(UsTimeZones.EASTERN);
        assertThat(ChinaTimeZones.forPhone("+44 20 7946 0000").zones()).containsExactly(ZoneId.of("Europe/London"));
        assertThat(ChinaTimeZones.forPhone("12345").isEmpty()).isTrue();
    }

    @Test
    void aStateThatSpansZonesGivesThemAll() {
        assertThat(UsTimeZones.forState("tx").zones()).containsExactly(UsTimeZones.CENTRAL, UsTimeZones.MOUNTAIN);
        assertThat(UsTimeZones.forState("NY").zones()).containsExactly(UsTimeZones.EASTERN);
        assertThat(UsTimeZones.forState("ZZ").isEmpty()).isTrue();
    }

    @Test
    void areaCodesFromTheTableAndUnknownOnesGiveNothing() {
        assertThat(UsTimeZones.forPhone("(415) 555-0100").zones()).containsExactly(UsTimeZones.PACIFIC);
        assertThat(UsTimeZones.forPhone("1-602-555-0100").zones()).containsExactly(UsTimeZones.ARIZONA);
        assertThat(UsTimeZones.forAreaCode("850").zones()).containsExactly(UsTimeZones.EASTERN, UsTimeZones.CENTRAL);
        assertThat(UsTimeZones.forAreaCode("999").isEmpty()).isTrue();
        assertThat(UsTimeZones.forPhone("555-0100").isEmpty()).isTrue();
    }

    @Test
    void theUnionKeepsTheFirstSourcesZoneFirstAndDropsRepeats() {
        PossibleZones zones = PossibleZones.union(UsTimeZones.forState("CA"), UsTimeZones.forPhone("+1 212 555 0100"),
                UsTimeZones.forPhone("+1 213 555 0100"));

        assertThat(zones.zones()).containsExactly(UsTimeZones.PACIFIC, UsTimeZones.EASTERN);
        assertThat(zones.primary()).isEqualTo(UsTimeZones.PACIFIC);
    }
}
