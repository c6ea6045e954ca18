#include "FhirReader.h"

#include "FhirDefinitions.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QUuid>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FhirBundle", text);
}

// Walks untrusted JSON: every accessor checks the type and records a Problem at its JSON
// path instead of assuming, so a hostile Bundle costs a list of problems, never a crash.
class JsonReader
{
public:
    explicit JsonReader(QList<Problem>* problems)
        : m_problems(problems)
    {}

    void problem(const QString& path, const QString& rule, const QString& message)
    {
        m_failed = true;
        if (!m_problems)
            return;
        if (m_problems->size() < FhirReader::MaxProblems) {
            m_problems->append(Problem{Problem::Severity::Error, path, rule, message});
        } else if (m_problems->size() == FhirReader::MaxProblems) {
            m_problems->append(Problem{
                Problem::Severity::Error, u"entry"_s, u"too-many"_s,
                tr("more problems than %1: the rest are not listed").arg(FhirReader::MaxProblems)});
        }
    }
    bool failed() const { return m_failed; }

    QString text(const QJsonObject& object, const QString& path, const QString& key,
                 bool required = false)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                problem(join(path, key), u"required"_s, tr("missing"));
            return {};
        }
        if (!value.isString()) {
            problem(join(path, key), u"type"_s, tr("must be a string"));
            return {};
        }
        if (value.toString().isEmpty())
            problem(join(path, key), u"format"_s, tr("must not be empty"));
        return value.toString();
    }

    QJsonObject object(const QJsonObject& parent, const QString& path, const QString& key,
                       bool required = false)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                problem(join(path, key), u"required"_s, tr("missing"));
            return {};
        }
        if (!value.isObject()) {
            problem(join(path, key), u"type"_s, tr("must be an object"));
            return {};
        }
        return value.toObject();
    }

    QJsonArray array(const QJsonObject& parent, const QString& path, const QString& key,
                     bool required = false)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                problem(join(path, key), u"required"_s, tr("missing"));
            return {};
        }
        if (!value.isArray()) {
            problem(join(path, key), u"type"_s, tr("must be an array"));
            return {};
        }
        return value.toArray();
    }

    // The objects of an array, with their paths; non-objects are problems.
    QList<std::pair<QJsonObject, QString>> objects(const QJsonObject& parent, const QString& path,
                                                   const QString& key, bool required = false)
    {
        QList<std::pair<QJsonObject, QString>> list;
        const QJsonArray items = array(parent, path, key, required);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemPath = join(path, key) + u"["_s + QString::number(i) + u"]"_s;
            if (!items.at(i).isObject())
                problem(itemPath, u"type"_s, tr("must be an object"));
            else
                list.append({items.at(i).toObject(), itemPath});
        }
        return list;
    }

    QStringList strings(const QJsonObject& parent, const QString& path, const QString& key)
    {
        QStringList list;
        const QJsonArray items = array(parent, path, key);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString() || items.at(i).toString().isEmpty())
                problem(join(path, key) + u"["_s + QString::number(i) + u"]"_s, u"type"_s,
                        tr("must be a non-empty string"));
            else
                list.append(items.at(i).toString());
        }
        return list;
    }

    // The coding of a Coding-valued element: {system, code}.
    std::pair<QString, QString> codingOf(const QJsonObject& parent, const QString& path,
                                         const QString& key, bool required = true)
    {
        const QJsonObject value = object(parent, path, key, required);
        if (value.isEmpty())
            return {};
        const QString codingPath = join(path, key);
        return {text(value, codingPath, u"system"_s, true),
                text(value, codingPath, u"code"_s, true)};
    }

    // The first coding of a CodeableConcept among `codes` (by system and code).
    std::optional<Fhir::Coded> coded(const QJsonObject& parent, const QString& path,
                                     const QString& key, const QList<Fhir::Coded>& codes,
                                     bool required = true)
    {
        const QJsonObject codeableConcept = object(parent, path, key, required);
        if (codeableConcept.isEmpty())
            return std::nullopt;
        const QString conceptPath = join(path, key);
        for (const auto& [coding, codingPath] :
             objects(codeableConcept, conceptPath, u"coding"_s, true)) {
            const std::optional<Fhir::Coded> found = Fhir::byCode(
                codes, text(coding, codingPath, u"system"_s), text(coding, codingPath, u"code"_s));
            if (found)
                return found;
        }
        problem(conceptPath, u"code"_s, tr("none of the codes this element takes"));
        return std::nullopt;
    }

    // The code of the first coding of `system` in a CodeableConcept.
    QString code(const QJsonObject& parent, const QString& path, const QString& key,
                 const QString& system, bool required = true)
    {
        const QJsonObject codeableConcept = object(parent, path, key, required);
        if (codeableConcept.isEmpty())
            return {};
        const QString conceptPath = join(path, key);
        for (const auto& [coding, codingPath] :
             objects(codeableConcept, conceptPath, u"coding"_s, true)) {
            if (text(coding, codingPath, u"system"_s) == system)
                return text(coding, codingPath, u"code"_s, true);
        }
        problem(conceptPath, u"code"_s, tr("no coding from the expected code system"));
        return {};
    }

    static QString join(const QString& path, const QString& key)
    {
        return path.isEmpty() ? key : path + u"."_s + key;
    }

private:
    QList<Problem>* m_problems;
    bool m_failed = false;
};

struct Entry
{
    QJsonObject resource;
    QString path; // entry[i].resource
    QString type;
};

class BundleEntries
{
public:
    BundleEntries(JsonReader& reader)
        : m_in(reader)
    {}

    bool load(const QJsonObject& bundle)
    {
        for (const auto& [entry, path] : m_in.objects(bundle, {}, u"entry"_s, true)) {
            const QString fullUrl = m_in.text(entry, path, u"fullUrl"_s, true);
            const QJsonObject resource = m_in.object(entry, path, u"resource"_s, true);
            const QJsonObject request = m_in.object(entry, path, u"request"_s, true);
            const QString requestPath = JsonReader::join(path, u"request"_s);
            if (!request.isEmpty()) {
                const QString method = m_in.text(request, requestPath, u"method"_s, true);
                if (!method.isEmpty() && method != u"POST"_s && method != u"PUT"_s)
                    m_in.problem(JsonReader::join(requestPath, u"method"_s), u"code"_s,
                                 tr("only POST and PUT are sent"));
                m_in.text(request, requestPath, u"url"_s, true);
            }
            if (resource.isEmpty())
                continue;
            const QString resourcePath = JsonReader::join(path, u"resource"_s);
            const QString type = m_in.text(resource, resourcePath, u"resourceType"_s, true);
            if (fullUrl.isEmpty() || type.isEmpty())
                continue;
            if (m_byUrl.contains(fullUrl)) {
                m_in.problem(JsonReader::join(path, u"fullUrl"_s), u"duplicate"_s,
                             tr("two entries have the same fullUrl"));
                continue;
            }
            const Entry item{resource, resourcePath, type};
            m_byUrl.insert(fullUrl, item);
            m_entries.append(item);
        }
        return !m_entries.isEmpty();
    }

    QList<Entry> ofType(const QString& type) const
    {
        QList<Entry> list;
        for (const Entry& entry : m_entries) {
            if (entry.type == type)
                list.append(entry);
        }
        return list;
    }

    // Exactly one resource of the type (a problem at `entry` otherwise).
    std::optional<Entry> single(const QString& type, bool required)
    {
        const QList<Entry> list = ofType(type);
        if (list.size() > 1)
            m_in.problem(list.at(1).path, u"duplicate"_s, tr("only one %1 is expected").arg(type));
        if (list.isEmpty()) {
            if (required)
                m_in.problem(u"entry"_s, u"required"_s, tr("a %1 is required").arg(type));
            return std::nullopt;
        }
        return list.first();
    }

    // The resource a Reference points to inside the Bundle, of one of `types`.
    std::optional<Entry> resolve(const QJsonObject& ref, const QString& path,
                                 const QStringList& types)
    {
        const QString target = m_in.text(ref, path, u"reference"_s, true);
        if (target.isEmpty())
            return std::nullopt;
        const auto it = m_byUrl.constFind(target);
        if (it == m_byUrl.constEnd() || !types.contains(it->type)) {
            m_in.problem(JsonReader::join(path, u"reference"_s), u"reference"_s,
                         tr("does not point to a %1 of the Bundle").arg(types.join(u'/')));
            return std::nullopt;
        }
        return *it;
    }

    std::optional<Entry> resolveMember(const QJsonObject& parent, const QString& path,
                                       const QString& key, const QStringList& type, bool required)
    {
        const QJsonObject ref = m_in.object(parent, path, key, required);
        if (ref.isEmpty())
            return std::nullopt;
        return resolve(ref, JsonReader::join(path, key), type);
    }

    std::optional<Entry> resolveFirst(const QJsonObject& parent, const QString& path,
                                      const QString& key, const QStringList& type, bool required)
    {
        const auto refs = m_in.objects(parent, path, key, required);
        if (refs.isEmpty()) {
            if (required && parent.contains(key))
                m_in.problem(JsonReader::join(path, key), u"required"_s, tr("missing"));
            return std::nullopt;
        }
        return resolve(refs.first().first, refs.first().second, type);
    }

private:
    JsonReader& m_in;
    QList<Entry> m_entries;
    QHash<QString, Entry> m_byUrl;
};

// The value of a simple extension of `parent`, or of one of its sub-extensions.
QJsonObject extension(JsonReader& in, const QJsonObject& parent, const QString& path,
                      const QString& url, QString* extensionPath = nullptr)
{
    for (const auto& [found, foundPath] : in.objects(parent, path, u"extension"_s)) {
        if (in.text(found, foundPath, u"url"_s, true) == url) {
            if (extensionPath)
                *extensionPath = foundPath;
            return found;
        }
    }
    return {};
}

QString joinedGiven(JsonReader& in, const QJsonObject& name, const QString& path)
{
    return in.strings(name, path, u"given"_s).join(u' ');
}

bool claimsProfile(JsonReader& in, const Entry& entry, const QString& profile)
{
    const QJsonObject meta = in.object(entry.resource, entry.path, u"meta"_s);
    return in.strings(meta, JsonReader::join(entry.path, u"meta"_s), u"profile"_s)
        .contains(profile);
}

// Placeholder hosts anywhere in the Bundle: the national side could resolve none of them.
// Every value of every Bundle goes through here, so a path is only spelt out for a
// placeholder found: pathOf() spells the way to `value` when asked.
void findPlaceholders(JsonReader& in, const QJsonValue& value,
                      const std::function<QString()>& pathOf)
{
    if (value.isString()) {
        if (Fhir::isPlaceholderUrl(value.toString()))
            in.problem(pathOf(), u"placeholder"_s,
                       tr("a placeholder address, which no national server resolves"));
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            findPlaceholders(in, array.at(i), [&pathOf, i] {
                return QString(pathOf() + u'[' + QString::number(i) + u']');
            });
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            findPlaceholders(in, it.value(),
                             [&pathOf, &it] { return JsonReader::join(pathOf(), it.key()); });
        }
    }
}

void readIdentity(JsonReader& in, const Entry& entry, Patient* p)
{
    const QJsonObject& r = entry.resource;
    const QString& path = entry.path;
    QString insPath;
    for (const auto& [id, idPath] : in.objects(r, path, u"identifier"_s)) {
        const QString system = in.text(id, idPath, u"system"_s);
        const std::optional<Fhir::InsAuthority> authority =
            system.startsWith(u"urn:oid:"_s) ? Fhir::insAuthority(system.mid(8)) : std::nullopt;
        if (!authority)
            continue;
        const QString value = in.text(id, idPath, u"value"_s, true);
        const QString typePath = JsonReader::join(idPath, u"type"_s);
        const QJsonObject type = in.object(id, idPath, u"type"_s);
        QString typeSystem;
        QString typeCode;
        const auto codings = in.objects(type, typePath, u"coding"_s);
        if (!codings.isEmpty()) {
            typeSystem = in.text(codings.first().first, codings.first().second, u"system"_s);
            typeCode = in.text(codings.first().first, codings.first().second, u"code"_s);
        }
        if (typeSystem == Fhir::HL7IdentifierType && typeCode == u"NH"_s &&
            authority->typeCode == u"INS-NIR"_s) {
            p->openingRightsNir = value;
            continue;
        }
        if (typeSystem != Fhir::FrIdentifierType || typeCode != authority->typeCode) {
            in.problem(typePath, u"fr-core"_s,
                       tr("a number under an INS authority is typed %1 (an INS) or NH (the "
                          "insured person's number), as FR Core says")
                           .arg(authority->typeCode));
            continue;
        }
        if (in.text(id, idPath, u"use"_s) != authority->use)
            in.problem(JsonReader::join(idPath, u"use"_s), u"fr-core"_s,
                       tr("an %1 is of use %2").arg(authority->typeCode, authority->use));
        p->ins = value;
        p->insOid = authority->oid;
        insPath = idPath;
    }

    QString reliabilityPath;
    const QJsonObject reliability =
        extension(in, r, path, Fhir::IdentityReliabilityExtension, &reliabilityPath);
    QString statusPath;
    const QJsonObject status =
        extension(in, reliability, reliabilityPath, u"identityStatus"_s, &statusPath);
    if (!status.isEmpty()) {
        const auto [system, code] = in.codingOf(status, statusPath, u"valueCoding"_s);
        if (const auto coded = Fhir::byCode(Fhir::IdentityStatusCodes, system, code))
            p->identityStatus = coded->value;
        else if (!code.isEmpty())
            in.problem(JsonReader::join(statusPath, u"valueCoding"_s), u"code"_s,
                       tr("an identity status is PROV, RECUP or VALI"));
    } else {
        // Identity vigilance: a receiver is never left to guess how far to trust an identity.
        in.problem(reliability.isEmpty() ? JsonReader::join(path, u"extension"_s) : reliabilityPath,
                   u"fr-core"_s,
                   tr("the identity's reliability is always stated (FR Core's "
                      "identity-reliability extension with its identityStatus)"));
    }
    if (p->ins.isEmpty())
        return;
    // The INS is the qualified identity's: validated traits and the INS together.
    if (p->identityStatus != u"validated"_s) {
        in.problem(insPath, u"fr-core"_s,
                   tr("the INS travels only with a qualified identity (status VALI)"));
    } else if (!claimsProfile(in, entry, Fhir::FrCorePatientInsProfile)) {
        in.problem(JsonReader::join(path, u"meta.profile"_s), u"fr-core"_s,
                   tr("a patient with an INS claims FR Core's Patient INS profile"));
    }
    p->identityStatus = u"qualified"_s;
}

void readNames(JsonReader& in, const Entry& entry, Patient* p)
{
    for (const auto& [name, namePath] : in.objects(entry.resource, entry.path, u"name"_s)) {
        const QString use = in.text(name, namePath, u"use"_s);
        if (use == u"official"_s) {
            // The official name is the birth name: there is none without it.
            p->birthName = in.text(name, namePath, u"family"_s, true);
            p->firstNames = joinedGiven(in, name, namePath);
            QString listPath;
            const QJsonObject list =
                extension(in, name, namePath, Fhir::BirthListGivenNameExtension, &listPath);
            if (!list.isEmpty())
                p->firstNames = in.text(list, listPath, u"valueString"_s, true);
        } else if (use == u"usual"_s) {
            p->usualName = in.text(name, namePath, u"family"_s);
            if (p->firstNames.isEmpty())
                p->firstNames = joinedGiven(in, name, namePath);
        }
    }
}

void readBirthPlace(JsonReader& in, const Entry& entry, Patient* p)
{
    QString placePath;
    const QJsonObject place =
        extension(in, entry.resource, entry.path, Fhir::BirthPlaceExtension, &placePath);
    if (place.isEmpty())
        return;
    const QJsonObject address = in.object(place, placePath, u"valueAddress"_s, true);
    const QString addressPath = JsonReader::join(placePath, u"valueAddress"_s);
    QString codePath;
    const QJsonObject insee =
        extension(in, address, addressPath, Fhir::AddressInseeCodeExtension, &codePath);
    const auto [system, code] = in.codingOf(insee, codePath, u"valueCoding"_s, !insee.isEmpty());
    if (code.isEmpty() || (system != Fhir::CogCommunes && system != Fhir::CogCountries)) {
        in.problem(addressPath, u"required"_s, tr("the birth place has no INSEE COG code"));
    } else if (code.startsWith(u"99"_s) != (system == Fhir::CogCountries)) {
        // 99 and a country's code is a country (TRE_R20), anything else a commune (TRE_R13).
        in.problem(JsonReader::join(JsonReader::join(codePath, u"valueCoding"_s), u"system"_s),
                   u"code"_s,
                   tr("a birth abroad (99 and the country's code) is coded in TRE_R20-Pays, a "
                      "commune in TRE_R13-CommuneOM"));
    }
    p->birthPlace = code;
}

// FR Core's Patient INS profile (FRCorePatientINSProfile.fsh): the INS travels with the
// official name and the birth place's INSEE code, which the writer never leaves out.
void checkQualifiedTraits(JsonReader& in, const Entry& entry, const Patient& p)
{
    if (p.identityStatus != u"qualified"_s)
        return;
    if (p.birthPlace.isEmpty()) {
        in.problem(JsonReader::join(entry.path, u"extension"_s), u"fr-core"_s,
                   tr("a qualified identity (with its INS) carries its birth place's INSEE "
                      "code"));
    }
    if (p.birthName.isEmpty()) {
        in.problem(JsonReader::join(entry.path, u"name"_s), u"fr-core"_s,
                   tr("a qualified identity (with its INS) carries its official name"));
    }
}

void readContact(JsonReader& in, const Entry& entry, Contact* c)
{
    const QJsonObject& r = entry.resource;
    auto take = [&](const QJsonObject& point, const QString& pointPath, const QString& owner) {
        const QString system = in.text(point, pointPath, u"system"_s, true);
        const QString use = in.text(point, pointPath, u"use"_s);
        const QString value = in.text(point, pointPath, u"value"_s, true);
        if (system == u"email"_s) {
            c->email = value;
            c->emailOwner = owner;
        } else if (system == u"phone"_s && use == u"mobile"_s) {
            c->mobilePhone = value;
            c->mobilePhoneOwner = owner;
        } else if (system == u"phone"_s && owner == u"patient"_s) {
            c->landlinePhone = value;
        }
    };
    for (const auto& [point, pointPath] : in.objects(r, entry.path, u"telecom"_s))
        take(point, pointPath, u"patient"_s);
    for (const auto& [contact, contactPath] : in.objects(r, entry.path, u"contact"_s)) {
        for (const auto& [point, pointPath] : in.objects(contact, contactPath, u"telecom"_s))
            take(point, pointPath, u"relative"_s);
    }
    const auto addresses = in.objects(r, entry.path, u"address"_s);
    if (!addresses.isEmpty()) {
        const auto& [address, addressPath] = addresses.first();
        c->address.lines = in.strings(address, addressPath, u"line"_s);
        c->address.postalCode = in.text(address, addressPath, u"postalCode"_s);
        c->address.city = in.text(address, addressPath, u"city"_s);
        c->address.country = in.text(address, addressPath, u"country"_s);
    }
}

void readPatient(JsonReader& in, const Entry& entry, SamplingRecord* record)
{
    Patient& p = record->patient;
    readIdentity(in, entry, &p);
    readNames(in, entry, &p);
    readBirthPlace(in, entry, &p);
    checkQualifiedTraits(in, entry, p);
    readContact(in, entry, &record->contact);
    const QString gender = in.text(entry.resource, entry.path, u"gender"_s);
    if (gender == u"male"_s)
        p.sex = u"M"_s;
    else if (gender == u"female"_s)
        p.sex = u"F"_s;
    else if (gender == u"unknown"_s || gender == u"other"_s)
        p.sex = u"U"_s;
    else if (!gender.isEmpty())
        in.problem(JsonReader::join(entry.path, u"gender"_s), u"code"_s, tr("not a FHIR gender"));
    p.birthDate = in.text(entry.resource, entry.path, u"birthDate"_s);
}

// Which of a shared Practitioner's names and MSSante addresses a role reads: the writer puts
// the prescriber's first and the treating physician's last when the two disagree (one each
// otherwise), so that each role reads back what was entered for it.
enum class Role
{
    Prescriber,
    Treating,
};

void readPractitioner(JsonReader& in, const Entry& entry, Physician* physician, Role role)
{
    const QJsonObject& r = entry.resource;
    const QString& path = entry.path;
    for (const auto& [id, idPath] : in.objects(r, path, u"identifier"_s)) {
        if (in.text(id, idPath, u"system"_s) != Fhir::IdNatPsSystem)
            continue;
        if (in.code(id, idPath, u"type"_s, Fhir::FrIdentifierType) != u"IDNPS"_s)
            in.problem(JsonReader::join(idPath, u"type"_s), u"fr-core"_s,
                       tr("an idNat_PS is typed IDNPS, as FR Core says"));
        const QString value = in.text(id, idPath, u"value"_s, true);
        if (value.startsWith(u'8'))
            physician->rpps = value.mid(1);
        else if (value.startsWith(u'0'))
            physician->adeli = value.mid(1);
        else if (!value.isEmpty())
            in.problem(JsonReader::join(idPath, u"value"_s), u"format"_s,
                       tr("an idNat_PS starts with 8 (RPPS) or 0 (ADELI)"));
    }
    const auto names = in.objects(r, path, u"name"_s);
    if (!names.isEmpty()) {
        const auto& [name, namePath] = role == Role::Prescriber ? names.first() : names.last();
        physician->familyName = in.text(name, namePath, u"family"_s);
        physician->givenName = joinedGiven(in, name, namePath);
    }
    for (const auto& [point, pointPath] : in.objects(r, path, u"telecom"_s)) {
        if (in.text(point, pointPath, u"system"_s, true) != u"email"_s)
            continue;
        const QString mail = in.text(point, pointPath, u"value"_s, true);
        if (role == Role::Treating || physician->mssante.isEmpty())
            physician->mssante = mail;
    }
}

// A Practitioner, or a PractitionerRole naming the practitioner and where they practise.
void readPhysician(JsonReader& in, BundleEntries& entries, const Entry& entry, Physician* physician,
                   Role role)
{
    if (entry.type == u"Practitioner"_s) {
        readPractitioner(in, entry, physician, role);
        return;
    }
    if (const auto practitioner = entries.resolveMember(
            entry.resource, entry.path, u"practitioner"_s, {u"Practitioner"_s}, true))
        readPractitioner(in, *practitioner, physician, role);
    if (const auto structure = entries.resolveMember(entry.resource, entry.path, u"organization"_s,
                                                     {u"Organization"_s}, false)) {
        const QJsonObject& r = structure->resource;
        PractitionerStructure& s = physician->structure;
        s.name = in.text(r, structure->path, u"name"_s);
        const auto addresses = in.objects(r, structure->path, u"address"_s);
        if (!addresses.isEmpty())
            s.address = in.text(addresses.first().first, addresses.first().second, u"text"_s);
        const auto phones = in.objects(r, structure->path, u"telecom"_s);
        if (!phones.isEmpty())
            s.phone = in.text(phones.first().first, phones.first().second, u"value"_s);
    }
}

QString finessOf(JsonReader& in, const Entry& entry, QString* kind = nullptr)
{
    for (const auto& [id, idPath] : in.objects(entry.resource, entry.path, u"identifier"_s)) {
        if (in.text(id, idPath, u"system"_s) != Fhir::FinessSystem)
            continue;
        const QString type = in.code(id, idPath, u"type"_s, Fhir::FrIdentifierType);
        if (type != u"FINEG"_s && type != u"FINEJ"_s)
            in.problem(JsonReader::join(idPath, u"type"_s), u"fr-core"_s,
                       tr("a FINESS is typed FINEG or FINEJ, as FR Core says"));
        if (kind)
            *kind = type == u"FINEJ"_s ? u"legal"_s : u"geographic"_s;
        return in.text(id, idPath, u"value"_s, true);
    }
    in.problem(JsonReader::join(entry.path, u"identifier"_s), u"required"_s,
               tr("the organisation has no FINESS on %1").arg(Fhir::FinessSystem));
    return {};
}

// Y, N or UNK from a yes/no/unknown answer.
QString yesNoAnswer(JsonReader& in, const Entry& entry)
{
    static const QList<Fhir::Coded> answers = {{u"Y"_s, Fhir::YesNo, u"Y"_s, {}},
                                               {u"N"_s, Fhir::YesNo, u"N"_s, {}},
                                               {u"UNK"_s, Fhir::NullFlavor, u"UNK"_s, {}}};
    const auto answer = in.coded(entry.resource, entry.path, u"valueCodeableConcept"_s, answers);
    return answer ? answer->value : QString();
}

// The Annex 1 category of a symptom onset period, from its distance to the sampling day.
QString onsetCategory(JsonReader& in, const Entry& entry, const QDate& sampled)
{
    if (entry.resource.contains(u"dataAbsentReason"_s))
        return u"unknown"_s;
    const QJsonObject period = in.object(entry.resource, entry.path, u"valuePeriod"_s, true);
    const QString periodPath = JsonReader::join(entry.path, u"valuePeriod"_s);
    const QDate start = QDate::fromString(in.text(period, periodPath, u"start"_s), Qt::ISODate);
    const QDate end = QDate::fromString(in.text(period, periodPath, u"end"_s, true), Qt::ISODate);
    struct Category
    {
        const char16_t* name;
        int from; // -1: open
        int to;
    };
    static constexpr Category Categories[] = {
        {u"very_recent", 1, 0}, {u"recent", 4, 2}, {u"old", 7, 5}, {u"very_old", -1, 8}};
    for (const Category& category : Categories) {
        const bool startMatches =
            category.from < 0 ? !start.isValid() : start == sampled.addDays(-category.from);
        if (sampled.isValid() && end == sampled.addDays(-category.to) && startMatches)
            return QString::fromUtf16(category.name);
    }
    if (!period.isEmpty())
        in.problem(periodPath, u"code"_s,
                   tr("the period matches none of Annex 1's onset categories"));
    return {};
}

struct Observations
{
    std::optional<Entry> hasSymptoms;
    std::optional<Entry> onset;
    std::optional<Entry> result;
};

Observations readAskAtOrderEntry(JsonReader& in, BundleEntries& entries, SamplingRecord* out)
{
    Observations found;
    for (const Entry& observation : entries.ofType(u"Observation"_s)) {
        const QJsonObject& r = observation.resource;
        const QString code = in.code(r, observation.path, u"code"_s, Fhir::Loinc);
        if (code == Fhir::HasSymptomsCode) {
            found.hasSymptoms = observation;
            for (const auto& [component, componentPath] :
                 in.objects(r, observation.path, u"component"_s)) {
                if (const auto symptom = in.coded(component, componentPath,
                                                  u"valueCodeableConcept"_s, Fhir::SymptomCodes))
                    out->symptoms.append(symptom->value);
            }
        } else if (code == Fhir::SymptomOnsetCode) {
            found.onset = observation;
        } else if (code == Fhir::ResidenceCode) {
            if (const auto residence =
                    in.coded(r, observation.path, u"valueCodeableConcept"_s, Fhir::ResidenceCodes))
                out->residence.append(residence->value);
        } else if (code == Fhir::HealthcareWorkCode) {
            const QString answer = yesNoAnswer(in, observation);
            if (answer == u"Y"_s || answer == u"N"_s)
                out->healthProfessional = answer == u"Y"_s;
        } else if (!code.isEmpty()) {
            if (found.result)
                in.problem(observation.path, u"duplicate"_s, tr("only one result is expected"));
            else
                found.result = observation;
        }
    }
    const QDate sampled = QDateTime::fromString(out->specimen.collectedAt, Qt::ISODate).date();
    if (found.onset)
        out->symptomOnset = onsetCategory(in, *found.onset, sampled);
    else if (found.hasSymptoms && yesNoAnswer(in, *found.hasSymptoms) == u"N"_s)
        out->symptomOnset = u"asymptomatic"_s;
    return found;
}

void readResult(JsonReader& in, const Entry& entry, SamplingRecord* out, BundleOptions* options)
{
    const QJsonObject& r = entry.resource;
    const QString& path = entry.path;
    // A cancellation keeps no result: its code only names the test it cancels.
    const QString analysis = in.code(r, path, u"code"_s, Fhir::Loinc);
    const QString status = in.text(r, path, u"status"_s, true);
    if (status == u"corrected"_s || status == u"amended"_s)
        options->correction = u"corrected"_s;
    else if (status == u"entered-in-error"_s)
        options->correction = status;
    else if (status != u"final"_s && !status.isEmpty())
        in.problem(JsonReader::join(path, u"status"_s), u"code"_s,
                   tr("must be final, corrected or entered-in-error"));
    out->result.validatedAt = in.text(r, path, u"issued"_s);
    if (r.contains(u"valueCodeableConcept"_s)) {
        if (const auto value = in.coded(r, path, u"valueCodeableConcept"_s, Fhir::ResultCodes))
            out->result.value = value->value;
    } else if (options->correction != u"entered-in-error"_s) {
        in.problem(JsonReader::join(path, u"valueCodeableConcept"_s), u"required"_s,
                   tr("a result needs a value"));
    }
    if (!out->result.value.isEmpty())
        out->result.analysis = analysis;
    else if (options->correction == u"entered-in-error"_s)
        options->cancelledAnalysis = analysis;
    const auto notes = in.objects(r, path, u"note"_s);
    if (!notes.isEmpty())
        out->result.nonConformity =
            in.text(notes.first().first, notes.first().second, u"text"_s, true);
}

void readReport(JsonReader& in, const Entry& report, SamplingRecord* out, BundleOptions* options)
{
    // DiagnosticReport.category is a list (R4): one of its concepts says LAB.
    bool laboratory = false;
    for (const auto& [category, categoryPath] :
         in.objects(report.resource, report.path, u"category"_s)) {
        for (const auto& [coding, codingPath] : in.objects(category, categoryPath, u"coding"_s)) {
            laboratory = laboratory || (in.text(coding, codingPath, u"system"_s) ==
                                            Fhir::DiagnosticServiceSection &&
                                        in.text(coding, codingPath, u"code"_s) == u"LAB"_s);
        }
    }
    if (!laboratory) {
        in.problem(JsonReader::join(report.path, u"category"_s), u"code"_s,
                   tr("a laboratory report is of category LAB"));
    }
    for (const auto& [form, formPath] :
         in.objects(report.resource, report.path, u"presentedForm"_s)) {
        if (in.text(form, formPath, u"contentType"_s, true) != u"application/pdf"_s)
            continue;
        const auto decoded =
            QByteArray::fromBase64Encoding(in.text(form, formPath, u"data"_s, true).toLatin1(),
                                           QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || !decoded.decoded.startsWith("%PDF-"))
            in.problem(JsonReader::join(formPath, u"data"_s), u"format"_s,
                       tr("must be a PDF in base64"));
        else
            out->result.reportPdf = decoded.decoded;
        options->includeReport = true;
    }
}

void readProvenance(JsonReader& in, BundleEntries& entries, const Entry& entry,
                    BundleOptions* options)
{
    // What the version changed, from what the Provenance says it changed: the result (a
    // correction, or a cancellation when nullified), or the sampling data (an amendment).
    const QString activity =
        in.code(entry.resource, entry.path, u"activity"_s, Fhir::DataOperation);
    bool sampling = false;
    for (const auto& [target, targetPath] :
         in.objects(entry.resource, entry.path, u"target"_s, true)) {
        if (const auto changed = entries.resolve(target, targetPath,
                                                 {u"Patient"_s, u"Specimen"_s, u"ServiceRequest"_s,
                                                  u"Observation"_s, u"DiagnosticReport"_s}))
            sampling = sampling || changed->type == u"Patient"_s;
    }
    options->change = activity == u"NULLIFY"_s ? BundleOptions::Change::Cancellation
                      : sampling               ? BundleOptions::Change::Amendment
                                               : BundleOptions::Change::Correction;
    options->changedAt = QDateTime::fromString(
        in.text(entry.resource, entry.path, u"recorded"_s, true), Qt::ISODate);
    const auto reasons = in.objects(entry.resource, entry.path, u"reason"_s);
    if (!reasons.isEmpty())
        options->reason = in.text(reasons.first().first, reasons.first().second, u"text"_s);
}

// Bundle.meta: the record and its version (our sidep-record-version extension).
void readVersion(JsonReader& in, const QJsonObject& bundle, SamplingRecord* out)
{
    const QJsonObject meta = in.object(bundle, {}, u"meta"_s, true);
    if (meta.contains(u"versionId"_s))
        in.problem(u"meta.versionId"_s, u"format"_s,
                   tr("meta.versionId is the receiving server's: the record's version travels "
                      "in %1")
                       .arg(Fhir::RecordVersionExtension));
    QString versionPath;
    const QJsonObject version =
        extension(in, meta, u"meta"_s, Fhir::RecordVersionExtension, &versionPath);
    if (version.isEmpty()) {
        in.problem(
            u"meta.extension"_s, u"required"_s,
            tr("the record and its version (%1) are required").arg(Fhir::RecordVersionExtension));
        return;
    }
    QString recordPath;
    const QJsonObject record = extension(in, version, versionPath, u"record"_s, &recordPath);
    const QString uuid = in.text(record, recordPath, u"valueUuid"_s, true);
    out->id = uuid.startsWith(u"urn:uuid:"_s) ? QUuid::fromString(uuid.mid(9)) : QUuid();
    if (out->id.isNull())
        in.problem(JsonReader::join(recordPath, u"valueUuid"_s), u"format"_s,
                   tr("must be urn:uuid: and a UUID"));
    QString numberPath;
    const QJsonObject number = extension(in, version, versionPath, u"version"_s, &numberPath);
    const QJsonValue value = number.value(u"valuePositiveInt"_s);
    // Beyond a million versions a record is not a record any more.
    if (!value.isDouble() || value.toDouble() < 1 || value.toDouble() > 1'000'000 ||
        value.toDouble() != double(qint64(value.toDouble()))) {
        in.problem(JsonReader::join(numberPath, u"valuePositiveInt"_s), u"format"_s,
                   tr("must be a whole number from 1 to 1000000"));
    } else {
        out->version = value.toInt();
    }
}

} // namespace

bool FhirReader::read(const QJsonObject& bundle, SamplingRecord* record, QString* siteFiness,
                      QList<Problem>* problems, BundleOptions* options, QByteArrayView compactText)
{
    JsonReader in(problems);
    SamplingRecord out;
    BundleOptions readOptions;
    readOptions.includeReport = false;

    if (in.text(bundle, {}, u"resourceType"_s, true) != u"Bundle"_s &&
        bundle.value(u"resourceType"_s).isString())
        in.problem(u"resourceType"_s, u"code"_s, tr("must be Bundle"));
    const QString type = in.text(bundle, {}, u"type"_s, true);
    if (!type.isEmpty() && type != u"transaction"_s)
        in.problem(u"type"_s, u"code"_s, tr("must be transaction"));
    const QJsonObject id = in.object(bundle, {}, u"identifier"_s, true);
    if (!id.isEmpty() && in.text(id, u"identifier"_s, u"system"_s, true) != Fhir::Rfc3986)
        in.problem(u"identifier.system"_s, u"code"_s, tr("must be urn:ietf:rfc:3986"));
    readVersion(in, bundle, &out);
    const QString timestamp = in.text(bundle, {}, u"timestamp"_s);
    if (!timestamp.isEmpty())
        readOptions.timestamp = QDateTime::fromString(timestamp, Qt::ISODate);
    if (compactText.isNull() || Fhir::mayHoldPlaceholderUrl(compactText))
        findPlaceholders(in, bundle, [] { return QString(); });

    BundleEntries entries(in);
    entries.load(bundle);

    if (const auto patient = entries.single(u"Patient"_s, true)) {
        readPatient(in, *patient, &out);
        if (const auto treating =
                entries.resolveFirst(patient->resource, patient->path, u"generalPractitioner"_s,
                                     {u"Practitioner"_s, u"PractitionerRole"_s}, false))
            readPhysician(in, entries, *treating, &out.treatingPhysician, Role::Treating);
    }
    QString requestCode;
    QString requestPath;
    if (const auto request = entries.single(u"ServiceRequest"_s, true)) {
        if (const auto prescriber =
                entries.resolveMember(request->resource, request->path, u"requester"_s,
                                      {u"Practitioner"_s, u"PractitionerRole"_s}, false))
            readPhysician(in, entries, *prescriber, &out.prescriber, Role::Prescriber);
        if (const auto lab = entries.resolveFirst(request->resource, request->path, u"performer"_s,
                                                  {u"Organization"_s}, true))
            out.specimen.finess = finessOf(in, *lab, &out.specimen.finessKind);
        requestCode = in.code(request->resource, request->path, u"code"_s, Fhir::Loinc);
        requestPath = request->path;
    }
    if (const auto specimen = entries.single(u"Specimen"_s, true)) {
        const QJsonObject& r = specimen->resource;
        const QJsonObject accession = in.object(r, specimen->path, u"accessionIdentifier"_s, true);
        const QString accessionPath = JsonReader::join(specimen->path, u"accessionIdentifier"_s);
        out.specimen.accession =
            in.text(accession, accessionPath, u"value"_s, !accession.isEmpty());
        if (const auto site = entries.resolveMember(accession, accessionPath, u"assigner"_s,
                                                    {u"Organization"_s}, !accession.isEmpty())) {
            const QString finess = finessOf(in, *site);
            if (siteFiness)
                *siteFiness = finess;
            // The site's name, so that the Bundle of what was read is the Bundle received.
            readOptions.siteName = in.text(site->resource, site->path, u"name"_s);
        }
        const QJsonObject collection = in.object(r, specimen->path, u"collection"_s, true);
        out.specimen.collectedAt =
            in.text(collection, JsonReader::join(specimen->path, u"collection"_s),
                    u"collectedDateTime"_s, !collection.isEmpty());
        out.specimen.type = in.code(r, specimen->path, u"type"_s, Fhir::Snomed, false);
    }

    const Observations observations = readAskAtOrderEntry(in, entries, &out);
    if (observations.result)
        readResult(in, *observations.result, &out, &readOptions);
    // The test ordered is the test whose result this is (annex 1, 4.1.1), or the test whose
    // result a cancellation withdraws.
    const QString analysis =
        !out.result.analysis.isEmpty() ? out.result.analysis : readOptions.cancelledAnalysis;
    if (!analysis.isEmpty() && !requestCode.isEmpty() && requestCode != analysis) {
        in.problem(JsonReader::join(requestPath, u"code"_s), u"code"_s,
                   tr("the ServiceRequest's LOINC code is the result's analysis"));
    }
    if (const auto report = entries.single(u"DiagnosticReport"_s, false))
        readReport(in, *report, &out, &readOptions);
    else if (observations.result)
        in.problem(u"entry"_s, u"required"_s, tr("a result comes with its DiagnosticReport"));
    if (const auto provenance = entries.single(u"Provenance"_s, false))
        readProvenance(in, entries, *provenance, &readOptions);

    out.status = out.result.value.isEmpty() && readOptions.correction.isEmpty()
                     ? RecordStatus::Sampled
                     : RecordStatus::Resulted;
    if (record)
        *record = out;
    if (options)
        *options = readOptions;
    return !in.failed();
}
