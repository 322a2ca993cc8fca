package dev.recoup.platform.web;

import dev.recoup.shared.BusinessClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class BusinessClockConfiguration {

    /** The lender's time zone; Beijing time unless configured. */
    @Bean
    BusinessClock businessClock(@Value("${recoup.time-zone:Asia/Shanghai}") ZoneId zone) {
        return new BusinessClock(Clock.system(zone));
    }
}
