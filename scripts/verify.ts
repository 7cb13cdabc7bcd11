import { runVerifyCli } from "@/lib/providers/tailscale/cli";

// Thin wrapper: all behaviour lives in runVerifyCli, which the tests call directly.
if (process.stdin.isTTY) {
  process.stderr.write(
    "Paste the API access token, then press Enter and Ctrl-D (it is not echoed back by this tool).\n",
  );
}
runVerifyCli(process.argv.slice(2), process.stdin, process.stdout).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Unexpected only; the message never includes the token, which stays inside runVerifyCli.
    process.stdout.write(
      `${JSON.stringify({ outcome: "unexpected_response", message: error instanceof Error ? error.name : "error" })}\n`,
    );
    process.exitCode = 1;
  },
);
