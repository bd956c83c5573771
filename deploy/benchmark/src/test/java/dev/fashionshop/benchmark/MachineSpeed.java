package dev.fashionshop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * What the machine is and how fast one of its cores is, measured before the shop starts: runs on the
 * same machine on different days (or hosts behind the same name) differ, and a figure is only comparable
 * with one from a core as fast. The measure is a sort of a fixed array of ints, best of three, so that
 * the JIT has compiled it.
 */
record MachineSpeed(String cpu, int cores, String java, long sortMillis) {

    private static final int INTS = 5_000_000;

    static MachineSpeed measure() {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            int[] ints = new Random(42).ints(INTS).toArray();
            long start = System.nanoTime();
            Arrays.sort(ints);
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        return new MachineSpeed(cpuModel(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), best);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    String describe() {
        return cores + " cores (" + cpu + "), Java " + java + "; one core sorts " + INTS / 1_000_000
                + " million ints in " + sortMillis + " ms (best of 3, before the shop started)";
    }
}
