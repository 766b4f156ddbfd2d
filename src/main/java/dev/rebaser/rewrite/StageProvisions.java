package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Instruction;
import dev.rebaser.rules.BaseImageChoice;
import dev.rebaser.rules.Distro;
import dev.rebaser.rules.PackageMapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an Alpine-based stage had without asking and the target base lacks, given right after
 * the stage's FROM, so that every later RUN, CMD, ENTRYPOINT and HEALTHCHECK can rely on it:
 * the packages an official -alpine image brought, the packages behind BusyBox applets the stage
 * runs, CA certificates (every Alpine image has them), and the official image's ENV and CMD.
 */
final class StageProvisions {

    /** Debian installs these without ca-certificates under --no-install-recommends; Alpine has the bundle always. */
    private static final Set<String> TLS_CLIENTS = Set.of("curl", "wget", "git", "python3-pip", "openssl", "wget2");

    private StageProvisions() {
    }

    static void provide(Instruction from, StagePlanner.Plan plan, TextEdits edits, Translation tx) {
        StageState state = plan.state();
        if (!state.translated) {
            return;
        }
        int line = from.startLine();
        Set<String> names = new LinkedHashSet<>();
        BaseImageChoice.TargetBase base = plan.base();
        if (base != null) {
            for (String alpine : base.installs()) {
                PackageMapping mapping = tx.rules().packagesFor(alpine, tx.target());
                if (mapping instanceof PackageMapping.Install install) {
                    addNew(install.names(), state, names);
                } else if (mapping instanceof PackageMapping.Unmapped) {
                    tx.log().warn(line, "unmapped-package", "the base image brought the Alpine package " + alpine
                            + ", which no rule maps to " + tx.target().distro().key());
                }
            }
        }
        for (Map.Entry<String, Integer> applet : state.appletsUsed.entrySet()) {
            if (tx.rules().appletPackages(applet.getKey(), tx.target()) instanceof PackageMapping.Install install) {
                List<String> added = addNew(install.names(), state, names);
                if (!added.isEmpty()) {
                    tx.log().change(applet.getValue(), install.ruleId(), applet.getKey(), String.join(" ", added));
                }
            }
        }
        if (tx.target().distro() == Distro.DEBIAN && !state.everInstalled.contains("ca-certificates")
                && !names.contains("ca-certificates") && (intersects(state.everInstalled) || intersects(names))) {
            names.add("ca-certificates");
            tx.log().change(line, "implied:ca-certificates", "", "ca-certificates");
        }
        String newline = from.text().endsWith("\r\n") ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder(from.text().endsWith("\n") ? "" : newline);
        if (!names.isEmpty()) {
            List<String> list = new ArrayList<>(names);
            PackageCommands packages = tx.packages();
            String run = "RUN " + (packages.needsUpdate() ? packages.update() + " && " : "") + packages.install(list)
                    + " && " + packages.cleanup();
            text.append(run).append(newline);
            tx.log().change(line, "stage:install-after-from", "", run);
            for (String name : list) {
                tx.log().installed(line, name);
            }
            state.everInstalled.addAll(list);
            state.explicit.addAll(list);
        }
        if (base != null && !base.env().isEmpty()) {
            StringBuilder env = new StringBuilder("ENV");
            base.env().forEach((k, v) -> env.append(' ').append(k).append('=').append(envValue(v)));
            text.append(env).append(newline);
            tx.log().change(line, base.ruleId(), "", env.toString());
        }
        if (base != null && !base.cmd().isEmpty()) {
            StringBuilder cmd = new StringBuilder("CMD [");
            for (int i = 0; i < base.cmd().size(); i++) {
                cmd.append(i == 0 ? "" : ", ").append(Quoting.json(base.cmd().get(i)));
            }
            cmd.append(']');
            text.append(cmd).append(newline);
            tx.log().change(line, base.ruleId(), "", cmd.toString());
        }
        String prefix = from.text().endsWith("\n") ? "" : newline;
        if (text.length() > prefix.length()) {
            edits.insert(from.span().end(), text.toString());
        }
    }

    /** ENV keeps $VAR references: a value is only quoted (double quotes) when it has blanks or quotes. */
    private static String envValue(String value) {
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\';
        }
        return quote ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : value;
    }

    private static List<String> addNew(List<String> candidates, StageState state, Set<String> names) {
        List<String> added = new ArrayList<>();
        for (String name : candidates) {
            if (!state.everInstalled.contains(name) && names.add(name)) {
                added.add(name);
            }
        }
        return added;
    }

    private static boolean intersects(Set<String> names) {
        for (String name : TLS_CLIENTS) {
            if (names.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
