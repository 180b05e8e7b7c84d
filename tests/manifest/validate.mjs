// CI checks that only exist in Node (run by .ci/run after the .NET tests wrote their samples):
//   1. the packed Teams manifest validates against the official schema bundled by @microsoft/app-manifest;
//   2. every sample card the bot sends parses with the Adaptive Cards SDK with no parse or validation events.
// Usage: node validate.mjs <folder>   (the folder holds teams/manifest.json and cards/*.json; NEWSBOT_CI_OUT in .ci/run)
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fs from "fs-extra";
import { AppManifestUtils } from "@microsoft/app-manifest";

const require = createRequire(import.meta.url);
const folder = process.argv[2];
if (!folder) {
  console.error("usage: node validate.mjs <folder with teams/manifest.json and cards/*.json>");
  process.exit(2);
}

let problems = 0;
const fail = (message) => {
  console.error(`FAIL ${message}`);
  problems++;
};

// 1. The manifest, against the bundled schema of its own manifestVersion (no network).
const manifest = await fs.readJson(join(folder, "teams", "manifest.json"));
const schemaFile = join(dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams", `v${manifest.manifestVersion}`, "MicrosoftTeams.schema.json");
if (!(await fs.pathExists(schemaFile))) {
  fail(`no bundled schema for manifestVersion ${manifest.manifestVersion} (${schemaFile})`);
} else {
  const schema = JSON.parse((await fs.readFile(schemaFile, "utf8")).replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  for (const error of errors) fail(`teams/manifest.json: ${error}`);
  if (errors.length === 0) console.log(`ok   teams/manifest.json is valid against the Teams schema v${manifest.manifestVersion}`);
}

// 2. Every card, with the browser bundle of the Adaptive Cards SDK (it parses without a DOM).
const AdaptiveCards = require("adaptivecards/dist/adaptivecards.min.js");
const cardFolder = join(folder, "cards");
const cardFiles = (await fs.pathExists(cardFolder)) ? (await fs.readdir(cardFolder)).filter((f) => f.endsWith(".json")).sort() : [];
if (cardFiles.length === 0) fail(`no cards in ${cardFolder}`);
for (const file of cardFiles) {
  const json = await fs.readJson(join(cardFolder, file));
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) events.push(event.message);
  if (json.version !== "1.5") events.push(`version is ${json.version}, not 1.5`);
  if (events.length > 0) {
    for (const message of events) fail(`cards/${file}: ${message}`);
  } else {
    console.log(`ok   cards/${file} parses with no events`);
  }
}

if (problems > 0) {
  console.error(`manifest and card checks: ${problems} problem(s)`);
  process.exit(1);
}
console.log(`manifest and card checks: the manifest and ${cardFiles.length} cards are clean`);
