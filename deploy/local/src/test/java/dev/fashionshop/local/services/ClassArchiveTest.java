package dev.fashionshop.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    @TempDir
    Path quarkusApp;
    Path jar;

    @BeforeEach
    void aBuiltService() throws IOException {
        jar = file("quarkus-run.jar");
    }

    @Test
    void startsFromNoArchiveWhenThereIsNone() {
        assertThat(ClassArchive.USE.jvmOptions(jar)).isEmpty();
    }

    @Test
    void startsFromTheArchiveTheBuildWrote() throws IOException {
        Path built = file(ClassArchive.BUILT);

        assertThat(ClassArchive.USE.jvmOptions(jar)).containsExactly("-XX:SharedArchiveFile=" + built);
    }

    @Test
    void prefersTheTrainedArchive() throws IOException {
        file(ClassArchive.BUILT);
        Path trained = file(ClassArchive.TRAINED);

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
        Path built = file(ClassArchive.BUILT);
        file(ClassArchive.TRAINED);
        file(ClassArchive.TRAINING);

        ClassArchive.discardTrained(jar);

        assertThat(quarkusApp.resolve(ClassArchive.TRAINED)).doesNotExist();
        assertThat(quarkusApp.resolve(ClassArchive.TRAINING)).doesNotExist();
        assertThat(ClassArchive.USE.jvmOptions(jar)).containsExactly("-XX:SharedArchiveFile=" + built);
    }

    private Path file(String name) throws IOException {
        return Files.writeString(quarkusApp.resolve(name), name);
    }
}
