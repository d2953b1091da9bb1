package dev.thetaevolve.evaluate;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** In-process: the second net sees what the scan is meant to make impossible. */
class WorkerStateTest {

    @Test
    void changeSince_nothingChanged_isNull() {
        WorkerState before = WorkerState.capture();
        assertThat(WorkerState.capture().changeSince(before)).isNull();
    }

    @Test
    void changeSince_threadStillRunning_isReported() throws InterruptedException {
        WorkerState before = WorkerState.capture();
        CountDownLatch stop = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "left-behind");
        t.setDaemon(true);
        t.start();
        try {
            assertThat(WorkerState.capture().changeSince(before)).contains("thread").contains("left-behind");
        } finally {
            stop.countDown();
            t.join();
        }
        assertThat(WorkerState.capture().changeSince(before)).isNull();
    }

    @Test
    void changeSince_defaultTimeZoneOrLocale_isReported() {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        WorkerState before = WorkerState.capture();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(zone.getID().equals("Asia/Tokyo") ? "UTC" : "Asia/Tokyo"));
            assertThat(WorkerState.capture().changeSince(before)).contains("time zone");
        } finally {
            TimeZone.setDefault(zone);
        }
        try {
            Locale.setDefault(Locale.Category.FORMAT, locale.equals(Locale.GERMANY) ? Locale.US : Locale.GERMANY);
            assertThat(WorkerState.capture().changeSince(before)).contains("locale");
        } finally {
            Locale.setDefault(locale);
        }
    }

    @Test
    void changeSince_sharedLibraryGeneratorDrawn_isReported() {
        WorkerState before = WorkerState.capture();
        org.apache.commons.math3.genetics.GeneticAlgorithm.getRandomGenerator().nextInt();
        assertThat(WorkerState.capture().changeSince(before)).contains("GeneticAlgorithm.randomGenerator");
    }
}
