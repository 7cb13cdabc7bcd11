/** Prints the Markdown tables of result files: `npx tsx bench/report.ts bench/results/<file>.json…` */
import fs from "node:fs";
import { table } from "./lib/table";

for (const file of process.argv.slice(2)) console.log(`${table(JSON.parse(fs.readFileSync(file, "utf8")))}\n`);
