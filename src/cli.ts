// The `statuskit` command's connection to the process: arguments, standard input, the clock and the
// terminal in; output, errors and the exit status out. What the command does is src/cli/command.ts.
import { isatty } from "node:tty";
import { main } from "./cli/command";

function colourWanted(): boolean {
  // Node's rule for FORCE_COLOR (tty.WriteStream#getColorDepth): "", 1, true, 2 and 3 force colour.
  if (!process.stdout.isTTY) return ["", "1", "true", "2", "3"].includes(process.env["FORCE_COLOR"] ?? "0");
  return process.stdout.hasColors();
}

// A reader that stops early (`statuskit --list | head -1`) closes the pipe: stop quietly, with the
// status of what was answered. Any other write error (a full disk) is a failure, in one line.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit();
  process.stderr.write(`statuskit: cannot write the output: ${error.message}\n`);
  process.exit(1);
});
// Standard error that cannot be written (2>/dev/full) leaves nothing to tell: the exit status stays
// what the output and the lookups make it.
process.stderr.on("error", () => {});

try {
  process.exitCode = await main(process.argv.slice(2), {
    colour: colourWanted(),
    today: new Date().toISOString().slice(0, 10),
    stdinIsTTY: isatty(0),
    stdin: () => process.stdin.setEncoding("utf8"),
    out(text, status) {
      process.exitCode = status;
      if (!process.stdout.write(text)) return new Promise((resolve) => process.stdout.once("drain", resolve));
    },
    err: (text) => process.stderr.write(text),
  });
} catch (error) {
  // Not reached for any input the tests know of; a bug still gets one line, not a stack trace.
  process.stderr.write(`statuskit: internal error: ${String(error).split("\n")[0]}\n`);
  process.exitCode = 1;
}
