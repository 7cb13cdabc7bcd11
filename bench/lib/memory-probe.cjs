// Preloaded (NODE_OPTIONS=--require) into every Node process bench/idle-memory.ts starts: on
// SIGUSR2 the process prints its process.memoryUsage() split as one `[memory] {json}` line, and
// writes a heap snapshot first when IDLE_MEMORY_HEAPSNAPSHOT names a folder. Nothing else.
"use strict";
process.on("SIGUSR2", () => {
  const dir = process.env.IDLE_MEMORY_HEAPSNAPSHOT;
  let snapshot;
  if (dir) {
    const file = require("node:path").join(dir, `idle-${process.pid}-${Date.now()}.heapsnapshot`);
    snapshot = require("node:v8").writeHeapSnapshot(file);
  }
  const usage = process.memoryUsage();
  process.stdout.write(`[memory] ${JSON.stringify({ pid: process.pid, ...usage, snapshot })}\n`);
});
