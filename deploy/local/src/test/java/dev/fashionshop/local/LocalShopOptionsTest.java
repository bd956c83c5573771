package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.fashionshop.local.services.ServiceProcess;

class LocalShopOptionsTest {

    @Test
    void theServicesJvmStartsWithEveryDefaultOption() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaExecutable());
        command.addAll(LocalShopOptions.DEFAULT_JVM_OPTIONS);
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(LocalShopOptions.DEFAULT_JVM_OPTIONS).contains("-Xmx128m", "-XX:+UseSerialGC");
    }
}
