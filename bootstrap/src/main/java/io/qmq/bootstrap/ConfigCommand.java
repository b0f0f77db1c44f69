package io.qmq.bootstrap;

import io.qmq.bootstrap.config.Setting;
import io.qmq.bootstrap.config.Settings;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists every configuration key with its default and what it does. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print every configuration key, its default and what it does.")
final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--markdown", description = "Print a Markdown table (as in the README).")
    private boolean markdown;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.println("| Key | Default | Values | Meaning |");
            out.println("|---|---|---|---|");
        }
        for (Setting<?> setting : Settings.ALL) {
            out.println(markdown ? markdownRow(setting) : textRow(setting));
        }
        out.flush();
    }

    private static String textRow(Setting<?> setting) {
        return String.format("%-34s %-14s %s [%s]", setting.key(), shownDefault(setting), setting.description(),
                setting.type());
    }

    private static String markdownRow(Setting<?> setting) {
        String shownDefault = setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
        return "| `" + setting.key() + "` | " + shownDefault + " | " + setting.type().replace("|", "\\|")
                + " | " + setting.description() + " |";
    }

    static String shownDefault(Setting<?> setting) {
        return setting.defaultValue().isEmpty() ? "(empty)" : setting.defaultValue();
    }
}
