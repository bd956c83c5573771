package dev.fashionshop.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    private static final Instant BUILT_AT = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path quarkusApp;
    Path jar;

    @BeforeEach
    void aBuiltService() throws IOException {
        jar = file("quarkus-run.jar", BUILT_AT);
        Files.createDirectories(quarkusApp.resolve("app"));
        file("app/order-service-1.0.0-SNAPSHOT.jar", BUILT_AT);
    }

    @Test
    void startsFromNoArchiveWhenThereIsNone() {
        assertThat(ClassArchive.USE.jvmOptions(jar)).isEmpty();
    }

    @Test
    void startsFromTheArchiveTheBuildWrote() throws IOException {
        Path built = file(ClassArchive.BUILT, BUILT_AT);

        assertThat(ClassArchive.USE.jvmOptions(jar)).containsExactly("-XX:SharedArchiveFile=" + built);
    }

    @Test
    void prefersTheTrainedArchive() throws IOException {
        file(ClassArchive.BUILT, BUILT_AT);
        Path trained = file(ClassArchive.TRAINED, BUILT_AT.plusSeconds(60));

        assertThat(ClassArchive.USE.jvmOptions(jar)).containsExactly("-XX:SharedArchiveFile=" + trained);
    }

    @Test
    void aTrainingServiceWritesItsArchiveUnderATemporaryNameThatPromotionMakesTheTrainedOne() throws IOException {
        assertThat(ClassArchive.TRAIN.jvmOptions(jar))
                .containsExactly("-XX:ArchiveClassesAtExit=" + quarkusApp.resolve(ClassArchive.TRAINING));
        assertThat(ClassArchive.promote(jar)).as("promoted with nothing written").isFalse();

        Files.writeString(quarkusApp.resolve(ClassArchive.TRAINING), "archive");

        assertThat(ClassArchive.promote(jar)).isTrue();
        assertThat(quarkusApp.resolve(ClassArchive.TRAINED)).hasContent("archive");
        assertThat(quarkusApp.resolve(ClassArchive.TRAINING)).doesNotExist();
    }

    @Test
    void discardingForgetsTheTrainedArchiveAndAHalfWrittenOne() throws IOException {
        Path built = file(ClassArchive.BUILT, BUILT_AT);
        file(ClassArchive.TRAINED, BUILT_AT.plusSeconds(60));
        file(ClassArchive.TRAINING, BUILT_AT.plusSeconds(60));

        ClassArchive.discardTrained(jar);

        assertThat(quarkusApp.resolve(ClassArchive.TRAINED)).doesNotExist();
        assertThat(quarkusApp.resolve(ClassArchive.TRAINING)).doesNotExist();
        assertThat(ClassArchive.USE.jvmOptions(jar)).containsExactly("-XX:SharedArchiveFile=" + built);
    }

    private Path file(String name, Instant modified) throws IOException {
        Path file = Files.writeString(quarkusApp.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
