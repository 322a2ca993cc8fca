package dev.recoup.platform.database;

import org.apache.commons.logging.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * When Recoup is killed (SIGKILL, power cut of the JVM), the PostgreSQL child process it started
 * keeps running and holds the data directory. The next start stops it first, so a killed Recoup
 * can simply be started again.
 */
final class OrphanedPostmaster {

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDirectory, Log log) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (RuntimeException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(p -> {
                    log.warn("Stopping PostgreSQL (pid " + pid + ") left running by an earlier Recoup over " + dataDirectory);
                    // SIGTERM is PostgreSQL's smart shutdown; its clients died with the old JVM.
                    p.destroy();
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (p.isAlive() && System.nanoTime() < deadline) {
                        sleep();
                    }
                    if (p.isAlive()) {
                        p.destroyForcibly();
                    }
                });
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
