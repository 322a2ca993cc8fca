package dev.recoup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Recoup: collections and recovery platform. One deployable, modules by capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RecoupApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecoupApplication.class, args);
    }
}
