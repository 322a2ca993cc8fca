package dev.recoup;

import dev.recoup.bench.BenchCommand;
import dev.recoup.demo.GenerateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

/**
 * Recoup: collections and recovery platform. One deployable, modules by capability.
 * <p>Without arguments it serves. {@code generate …} writes a demo portfolio; {@code bench …}
 * runs the end-to-end benchmark (see README).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RecoupApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("bench")) {
            System.exit(BenchCommand.run(RecoupApplication.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("contact-history")) {
            System.exit(dev.recoup.bench.ContactHistoryCommand.run(RecoupApplication.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("contact-load")) {
            System.exit(dev.recoup.bench.ContactLoadCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(RecoupApplication.class, args);
    }
}
