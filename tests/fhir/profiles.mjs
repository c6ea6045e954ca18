// Checks resources against OUR profiles and extensions, read from the FHIR package in
// resources/fhir (package.json, .index.json and the definitions it lists). Independent of
// the C++ code that wrote the Bundles: it knows nothing but the package.
//
// What it implements, from each StructureDefinition's differential (the elements listed
// there, with the base resource's structure taken from the instance itself):
//   - min and max cardinality of an element, counted within each occurrence of its parent;
//   - fixed[x] (equal) and pattern[x] (the instance contains the pattern; a pattern list
//     item is matched by some item of the instance's list);
//   - required bindings to OUR ValueSets, expanded from the package (compose.include of
//     listed concepts, of a whole CodeSystem of the package, or of another ValueSet of the
//     package): a code, a Coding or a CodeableConcept (one of its codings) must be in it;
//   - the types of choice elements (value[x]: valueUuid is uuid) and the resource types a
//     Reference may point to inside the Bundle (type.targetProfile of base resources);
//   - extension slices by url (X.extension:name, its url from name.url's fixedUri or the
//     slice's type profile), nested ones included; and each of OUR extensions present
//     anywhere is checked against its own definition, context included;
//   - every code under one of OUR CodeSystems is defined there, and every URL under our
//     canonical base names a definition of the package (or the accession NamingSystem's
//     uniqueId prefix followed by a FINESS).
// What it does not: slicing other than extensions by url, FHIRPath invariants
// (constraint), bindings other than required and ValueSets other than ours (FR Core,
// LOINC, SNOMED CT are not loaded), the base definitions' own constraints (the JSON schema
// checks the base structure; FR Core's profiles are not checked at all), mustSupport,
// terminology display names, and profiles claimed at a version (url|version).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function loadPackage(dir) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const index = JSON.parse(readFileSync(join(dir, '.index.json'), 'utf8'));
    const base = manifest.canonical;
    const pkg = { base, version: manifest.version, byUrl: new Map(), resources: [], problems: [],
        accessionPrefixes: [] };
    const listed = new Set();
    for (const file of index.files ?? []) {
        listed.add(file.filename);
        let resource;
        try {
            resource = JSON.parse(readFileSync(join(dir, file.filename), 'utf8'));
        } catch (error) {
            pkg.problems.push(`${file.filename}: ${error.message}`);
            continue;
        }
        pkg.resources.push([file.filename, resource]);
        for (const key of ['resourceType', 'id', 'url', 'version'])
            if (file[key] !== resource[key])
                pkg.problems.push(`${file.filename}: .index.json says ${key} ${file[key]}, the file ${resource[key]}`);
        if (resource.resourceType !== 'NamingSystem' && resource.version !== pkg.version) // R4 NamingSystem has none
            pkg.problems.push(`${file.filename}: version ${resource.version}, the package's is ${pkg.version}`);
        if (resource.resourceType === 'NamingSystem') {
            for (const id of resource.uniqueId ?? [])
                if (id.type === 'uri' && id.value.startsWith(`${base}/`))
                    pkg.accessionPrefixes.push(id.value);
        } else if (resource.url !== `${base}/${resource.resourceType}/${resource.id}`) {
            pkg.problems.push(`${file.filename}: url ${resource.url} is not ${base}/${resource.resourceType}/${resource.id}`);
        } else {
            pkg.byUrl.set(resource.url, resource);
        }
    }
    for (const name of readdirSync(dir))
        if (name.endsWith('.json') && !['package.json', '.index.json'].includes(name) && !listed.has(name))
            pkg.problems.push(`${name}: not listed in .index.json`);
    return pkg;
}

// The codes of one of our ValueSets, as "system|code".
function expand(pkg, url, seen = new Set()) {
    const valueSet = pkg.byUrl.get(url);
    if (valueSet?.resourceType !== 'ValueSet' || seen.has(url))
        return null;
    seen.add(url);
    const codes = new Set();
    for (const include of valueSet.compose?.include ?? []) {
        if (include.concept) {
            include.concept.forEach((c) => codes.add(`${include.system}|${c.code}`));
        } else if (include.system) {
            const codeSystem = pkg.byUrl.get(include.system);
            if (codeSystem?.resourceType !== 'CodeSystem')
                return null; // a whole terminology we do not hold
            codeSystem.concept.forEach((c) => codes.add(`${include.system}|${c.code}`));
        }
        for (const other of include.valueSet ?? []) {
            const more = expand(pkg, other, seen);
            if (!more)
                return null;
            more.forEach((c) => codes.add(c));
        }
    }
    return codes;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const capital = (s) => s[0].toUpperCase() + s.slice(1);

function deepEqual(a, b) {
    return JSON.stringify(a) === JSON.stringify(b) ||
        (isObject(a) && isObject(b) && Object.keys(a).length === Object.keys(b).length &&
            Object.keys(a).every((k) => deepEqual(a[k], b[k])));
}

function matchesPattern(value, pattern) {
    if (Array.isArray(pattern))
        return Array.isArray(value) && pattern.every((p) => value.some((v) => matchesPattern(v, p)));
    if (isObject(pattern))
        return isObject(value) && Object.entries(pattern).every(([k, p]) => matchesPattern(value[k], p));
    return value === pattern;
}

// The url an extension slice stands for, from the differential.
function sliceUrl(elements, sliceId) {
    const url = elements.get(`${sliceId}.url`)?.fixedUri;
    return url ?? elements.get(sliceId)?.type?.[0]?.profile?.[0];
}

// One step of an element id from a node: [{value, type}] (type: a choice element's type).
function step(node, segment, idSoFar, elements) {
    const [name, slice] = segment.split(':');
    if (!isObject(node))
        return [];
    if (name.endsWith('[x]')) {
        const stem = name.slice(0, -3);
        return Object.entries(node)
            .filter(([k]) => k.startsWith(stem) && /^[A-Z]/.test(k.slice(stem.length)))
            .flatMap(([k, v]) => list(v).map((value) => ({ value, type: k.slice(stem.length) })));
    }
    let values = list(node[name]).map((value) => ({ value }));
    if (slice) {
        const url = sliceUrl(elements, `${idSoFar}.${segment}`);
        values = values.filter(({ value }) => value?.url === url);
    }
    return values;
}

function nodesAt(root, segments, elements) {
    let nodes = [{ value: root }];
    let id = segments[0];
    for (const segment of segments.slice(1)) {
        nodes = nodes.flatMap(({ value }) => step(value, segment, id, elements));
        id += `.${segment}`;
    }
    return nodes;
}

function codingsOf(value) {
    if (typeof value === 'string')
        return [{ code: value }];
    if (isObject(value) && Array.isArray(value.coding))
        return value.coding;
    if (isObject(value) && 'code' in value)
        return [value];
    return null; // not a coded value (a Period, say): the binding does not apply
}

// The differential of `definition` applied to `root` (a resource, or an extension).
function checkDifferential(pkg, definition, root, where, context, errors) {
    const elements = new Map((definition.differential?.element ?? []).map((e) => [e.id, e]));
    const label = definition.url.slice(pkg.base.length + 1);
    const fail = (id, message) => errors.push(`${where}: ${label} ${id}: ${message}`);
    for (const element of elements.values()) {
        const segments = element.id.split('.');
        if (segments.length < 2)
            continue;
        const parents = nodesAt(root, segments.slice(0, -1), elements);
        const idSoFar = segments.slice(0, -1).join('.');
        for (const parent of parents) {
            const children = step(parent.value, segments.at(-1), idSoFar, elements);
            if (element.min !== undefined && children.length < element.min)
                fail(element.id, `${children.length} present, at least ${element.min} required`);
            if (element.max !== undefined && element.max !== '*' && children.length > Number(element.max))
                fail(element.id, `${children.length} present, at most ${element.max} allowed`);
            for (const { value, type } of children) {
                for (const [key, expected] of Object.entries(element)) {
                    if (key.startsWith('fixed') && !deepEqual(value, expected))
                        fail(element.id, `${JSON.stringify(value)} is not the fixed ${JSON.stringify(expected)}`);
                    if (key.startsWith('pattern') && !matchesPattern(value, expected))
                        fail(element.id, `${JSON.stringify(value)} does not match the pattern ${JSON.stringify(expected)}`);
                }
                if (type && element.type && !element.type.some((t) => capital(t.code) === type))
                    fail(element.id, `${segments.at(-1).replace('[x]', type)} where ${element.type.map((t) => t.code).join(' or ')} is allowed`);
                const targets = element.type?.flatMap((t) => t.targetProfile ?? [])
                    .map((p) => p.replace('http://hl7.org/fhir/StructureDefinition/', ''));
                if (targets?.length && typeof value?.reference === 'string' && context.types.has(value.reference)) {
                    const target = context.types.get(value.reference);
                    if (!targets.includes(target))
                        fail(element.id, `points to a ${target}, not a ${targets.join(' or ')}`);
                }
                if (element.binding?.strength === 'required' && element.binding.valueSet?.startsWith(`${pkg.base}/`)) {
                    const codes = expand(pkg, element.binding.valueSet);
                    const codings = codingsOf(value);
                    if (!codes)
                        fail(element.id, `cannot expand ${element.binding.valueSet}`);
                    else if (codings && !codings.some((c) => codes.has(`${c.system}|${c.code}`) ||
                        (c.system === undefined && [...codes].some((k) => k.endsWith(`|${c.code}`)))))
                        fail(element.id, `${JSON.stringify(value)} is not in ${element.binding.valueSet}`);
                }
            }
        }
    }
}

// Our extensions wherever they are: each against its own definition and context.
function checkExtensions(pkg, value, path, where, context, errors) {
    if (Array.isArray(value)) {
        value.forEach((item) => checkExtensions(pkg, item, path, where, context, errors));
        return;
    }
    if (!isObject(value))
        return;
    for (const extension of list(value.extension)) {
        const url = extension?.url;
        if (typeof url !== 'string' || !url.startsWith(`${pkg.base}/`))
            continue;
        const definition = pkg.byUrl.get(url);
        if (definition?.type !== 'Extension') {
            errors.push(`${where}: extension ${url} is not defined in the package`);
            continue;
        }
        const contexts = (definition.context ?? []).map((c) => c.expression);
        if (!contexts.includes(path))
            errors.push(`${where}: extension ${url} on ${path}, its context is ${contexts.join(', ')}`);
        checkDifferential(pkg, definition, extension, where, context, errors);
    }
    for (const [key, item] of Object.entries(value))
        if (key !== 'resource')
            checkExtensions(pkg, item, `${path}.${key}`, where, context, errors);
}

// Every string under our base names a definition; every code of our CodeSystems exists.
function checkTerms(pkg, value, where, errors) {
    if (Array.isArray(value)) {
        value.forEach((item) => checkTerms(pkg, item, where, errors));
    } else if (isObject(value)) {
        const codeSystem = pkg.byUrl.get(value.system);
        if (codeSystem?.resourceType === 'CodeSystem' && 'code' in value &&
            !codeSystem.concept.some((c) => c.code === value.code))
            errors.push(`${where}: code ${value.code} is not defined in ${value.system}`);
        for (const [key, item] of Object.entries(value))
            if (key !== 'resource')
                checkTerms(pkg, item, where, errors);
    } else if (typeof value === 'string' && value.startsWith(`${pkg.base}/`)) {
        const url = value.split('|')[0];
        const accession = pkg.accessionPrefixes.some((p) => url.startsWith(p) && /^\d{9}$/.test(url.slice(p.length)));
        if (!pkg.byUrl.has(url) && !accession)
            errors.push(`${where}: ${url} names no definition of the package`);
    }
}

// One resource against every profile of ours it claims.
function checkResource(pkg, resource, where, context, errors) {
    for (const profile of resource?.meta?.profile ?? []) {
        if (!profile.startsWith(`${pkg.base}/`))
            continue; // FR Core's and others': not ours to check
        const definition = pkg.byUrl.get(profile);
        if (definition?.resourceType !== 'StructureDefinition' || definition.kind !== 'resource')
            errors.push(`${where}: claims ${profile}, which the package does not define`);
        else if (definition.type !== resource.resourceType)
            errors.push(`${where}: a ${resource.resourceType} claims ${profile}, a ${definition.type} profile`);
        else
            checkDifferential(pkg, definition, resource, where, context, errors);
    }
    checkExtensions(pkg, resource, resource?.resourceType, where, context, errors);
    checkTerms(pkg, resource, where, errors);
}

export function profileErrors(pkg, bundle) {
    const errors = [];
    const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
    const context = { types: new Map(entries.map((e) => [e?.fullUrl, e?.resource?.resourceType])) };
    checkResource(pkg, bundle, 'Bundle', context, errors);
    entries.forEach((entry, i) => checkResource(pkg, entry?.resource, `entry[${i}].resource`, context, errors));
    return errors;
}
