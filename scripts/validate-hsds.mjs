// Validates a Trellis HSDS export against the Open Referral HSDS 3.0 JSON schemas with Ajv,
// a real JSON Schema validator. Usage: node scripts/validate-hsds.mjs EXPORT.json SCHEMA_DIR
// (SCHEMA_DIR: the HSDS schema/ folder, whose files refer to each other by file name).
// Exits 0 when every document is valid; prints each problem and exits 1 otherwise.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(join(process.cwd(), 'web', 'package.json'));
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;

const [exportFile, schemaDir] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(exportFile, 'utf8'));
// HSDS schemas carry Frictionless Data keywords (constraints, datapackage_metadata ...) that
// are not JSON Schema; strict mode off lets Ajv ignore them while checking everything else.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const schemas = {
  organizations: 'organization.json',
  services: 'service.json',
  service_at_locations: 'service_at_location.json',
  locations: 'location.json',
  taxonomy_terms: 'taxonomy_term.json',
};
for (const file of readdirSync(schemaDir)) {
  if (!file.endsWith('.json') || file === 'openapi.json') continue;
  const schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));
  if (!schema.properties) continue;
  ajv.addSchema({ ...schema, $id: file });
}
let problems = 0;
let checked = 0;
for (const [key, file] of Object.entries(schemas)) {
  const validate = ajv.getSchema(file);
  for (const item of doc[key] ?? []) {
    checked += 1;
    if (!validate(item)) {
      problems += 1;
      console.log(`${key} ${item.id}: ${ajv.errorsText(validate.errors)}`);
    }
  }
}
console.log(`${checked} documents checked, ${problems} invalid`);
process.exit(problems === 0 && checked > 0 ? 0 : 1);
