#include "RecordValidator.h"

#include "Identifiers.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxTextLength = 100;
constexpr int MaxAgeYears = 130;
constexpr qint64 FutureToleranceSeconds = 5 * 60;
constexpr qint64 OldSamplingDays = 7;
constexpr qint64 MaxReportSize = 10 * 1024 * 1024;

const QString DefaultSpecimenType = u"258500001"_s; // nasopharyngeal swab
const QString DefaultAnalysis = u"94500-6"_s;       // RT-PCR SARS-CoV-2

const QStringList SexValues = {u"M"_s, u"F"_s, u"U"_s};
const QStringList IdentityStatuses = {u"provisional"_s, u"retrieved"_s, u"validated"_s,
                                      u"qualified"_s};
const QStringList Owners = {u"patient"_s, u"relative"_s};
const QStringList ResidenceValues = {u"individual"_s, u"hospitalized"_s, u"ehpad"_s, u"prison"_s,
                                     u"collective_other"_s};
const QStringList SymptomOnsetValues = {u"asymptomatic"_s, u"very_recent"_s, u"recent"_s,
                                        u"old"_s,          u"very_old"_s,    u"unknown"_s};
const QStringList SymptomValues = {u"fever"_s,           u"cough"_s,        u"sore_throat"_s,
                                   u"anosmia_ageusia"_s, u"fatigue_pain"_s, u"diarrhea"_s,
                                   u"breathing"_s};
const QStringList ResultValues = {u"P"_s, u"N"_s, u"I"_s, u"X"_s};
const QStringList FinessKinds = {u"geographic"_s, u"legal"_s};

// Collects the problems of one record; the helpers below each check one kind of value and
// write back its canonical form when it is valid.
class Checker
{
public:
    explicit Checker(const RecordValidator::Options& options)
        : m_options(options)
    {}

    QList<Problem> problems;
    const RecordValidator::Options& m_options;

    void error(const QString& field, const QString& rule, const QString& message)
    {
        problems.append({Problem::Severity::Error, field, rule, message});
    }

    void warning(const QString& field, const QString& rule, const QString& message)
    {
        problems.append({Problem::Severity::Warning, field, rule, message});
    }

    void required(const QString& field, bool present)
    {
        if (!present)
            error(field, u"required"_s, RecordValidator::tr("is required"));
    }

    void recommended(const QString& field, bool present)
    {
        if (!present) {
            warning(field, u"recommended"_s,
                    RecordValidator::tr("is missing; confirm to save without it"));
        }
    }

    // Runs an Identifiers check on a non-empty value and keeps its canonical form.
    void identifier(const QString& field, QString* value, IdentifierCheck (*check)(const QString&))
    {
        if (value->isEmpty())
            return;
        apply(field, value, check(*value));
    }

    void apply(const QString& field, QString* value, const IdentifierCheck& result)
    {
        if (result.valid)
            *value = result.canonical;
        else
            error(field, result.rule, result.message);
    }

    void oneOf(const QString& field, const QString& value, const QStringList& allowed)
    {
        if (!value.isEmpty() && !allowed.contains(value)) {
            error(field, u"value"_s,
                  RecordValidator::tr("must be one of: %1").arg(allowed.join(u", "_s)));
        }
    }

    void eachOf(const QString& field, const QStringList& values, const QStringList& allowed)
    {
        QSet<QString> seen;
        for (const QString& value : values) {
            oneOf(field, value, allowed);
            if (seen.contains(value))
                error(field, u"duplicate"_s, RecordValidator::tr("lists a value twice"));
            seen.insert(value);
        }
    }

    void text(const QString& field, const QString& value, int maxLength = MaxTextLength)
    {
        if (value.size() > maxLength) {
            error(field, u"length"_s,
                  RecordValidator::tr("must be %1 characters or fewer").arg(maxLength));
        }
    }

    // A date-time that is valid and not in the future; returns it (invalid when it is not).
    QDateTime pastDateTime(const QString& field, QString* value)
    {
        if (value->isEmpty())
            return {};
        const IdentifierCheck result = Identifiers::checkDateTime(*value);
        apply(field, value, result);
        if (!result.valid)
            return {};
        const QDateTime when = QDateTime::fromString(*value, Qt::ISODate);
        if (when > m_options.now.addSecs(FutureToleranceSeconds)) {
            error(field, u"datetime.future"_s, RecordValidator::tr("is in the future"));
            return {};
        }
        return when;
    }
};

// Identity vigilance: "qualified" is what the INS referential makes of a validated identity
// whose INS was retrieved or checked with the five traits (birth name, first given names,
// sex, birth date, birth place), and what FR Core's Patient INS profile
// (FRCorePatientINSProfile.fsh) requires to carry: the INS, the official name and the birth
// place's INSEE code. An identity short of one of them is not qualified, whatever it says:
// it is refused rather than sent as less, so that the nurse completes it or lowers its status.
void checkQualifiedTraits(Checker& c, const Patient& patient)
{
    const QString lower = RecordValidator::tr("or choose a lower identity status");
    if (patient.ins.isEmpty()) {
        c.error(u"patient.ins"_s, u"qualified.ins"_s,
                RecordValidator::tr("is required for a qualified identity (an identity is "
                                    "qualified only with its INS); enter the INS %1")
                    .arg(lower));
    }
    if (patient.birthName.isEmpty()) {
        c.error(u"patient.birthName"_s, u"qualified.birthName"_s,
                RecordValidator::tr("is required for a qualified identity (one of the five "
                                    "INS traits); enter the birth name %1")
                    .arg(lower));
    }
    if (patient.birthPlace.isEmpty()) {
        c.error(u"patient.birthPlace"_s, u"qualified.birthPlace"_s,
                RecordValidator::tr("is required for a qualified identity (one of the five "
                                    "INS traits): enter the INSEE code of the birth commune, "
                                    "or 99 and the country's code when born abroad, %1")
                    .arg(lower));
    }
}

void checkPatient(Checker& c, Patient& patient)
{
    const bool hasBirthName = !patient.birthName.isEmpty();
    const bool hasUsualName = !patient.usualName.isEmpty();
    if (!hasBirthName && !hasUsualName) {
        c.error(u"patient.birthName"_s, u"required.name"_s,
                RecordValidator::tr("a birth name or a usual name is required"));
    }
    c.identifier(u"patient.birthName"_s, &patient.birthName, &Identifiers::checkPersonName);
    c.identifier(u"patient.usualName"_s, &patient.usualName, &Identifiers::checkPersonName);
    c.required(u"patient.firstNames"_s, !patient.firstNames.isEmpty());
    c.identifier(u"patient.firstNames"_s, &patient.firstNames, &Identifiers::checkPersonName);

    patient.sex = patient.sex.toUpper();
    c.required(u"patient.sex"_s, !patient.sex.isEmpty());
    c.oneOf(u"patient.sex"_s, patient.sex, SexValues);

    c.required(u"patient.birthDate"_s, !patient.birthDate.isEmpty());
    QDate birthDate;
    if (!patient.birthDate.isEmpty()) {
        const IdentifierCheck result = Identifiers::checkDate(patient.birthDate);
        c.apply(u"patient.birthDate"_s, &patient.birthDate, result);
        if (result.valid) {
            const QDate date = QDate::fromString(patient.birthDate, Qt::ISODate);
            const QDate today = c.m_options.now.date();
            if (date > today) {
                c.error(u"patient.birthDate"_s, u"date.future"_s,
                        RecordValidator::tr("is in the future"));
            } else if (date < today.addYears(-MaxAgeYears)) {
                c.error(u"patient.birthDate"_s, u"date.age"_s,
                        RecordValidator::tr("gives an age over %1 years").arg(MaxAgeYears));
            } else {
                birthDate = date;
            }
        }
    }
    c.identifier(u"patient.birthPlace"_s, &patient.birthPlace, &Identifiers::checkCog);

    if (patient.ins.isEmpty()) {
        if (!patient.insOid.isEmpty()) {
            c.error(u"patient.insOid"_s, u"insOid.withoutIns"_s,
                    RecordValidator::tr("is given without an INS matricule"));
        }
    } else {
        const IdentifierCheck nir = Identifiers::checkNir(patient.ins);
        c.apply(u"patient.ins"_s, &patient.ins, nir);
        c.required(u"patient.insOid"_s, !patient.insOid.isEmpty());
        if (nir.valid) {
            const IdentifierCheck consistency =
                Identifiers::checkNirConsistency(patient.ins, patient.sex, birthDate);
            if (!consistency.valid) {
                if (c.m_options.identityOverrideReason.trimmed().isEmpty())
                    c.error(u"patient.ins"_s, consistency.rule, consistency.message);
                else
                    c.warning(u"patient.ins"_s, consistency.rule, consistency.message);
            }
        }
    }
    c.identifier(u"patient.insOid"_s, &patient.insOid, &Identifiers::checkInsOid);
    if (patient.identityStatus.isEmpty())
        patient.identityStatus = u"provisional"_s;
    c.oneOf(u"patient.identityStatus"_s, patient.identityStatus, IdentityStatuses);
    if (patient.identityStatus == u"qualified"_s)
        checkQualifiedTraits(c, patient);
    c.identifier(u"patient.openingRightsNir"_s, &patient.openingRightsNir, &Identifiers::checkNir);
}

void checkContact(Checker& c, Contact& contact)
{
    PostalAddress& address = contact.address;
    if (address.lines.size() > 3) {
        c.error(u"contact.address.lines"_s, u"lines.count"_s,
                RecordValidator::tr("must have 3 lines or fewer"));
    }
    for (const QString& line : std::as_const(address.lines))
        c.text(u"contact.address.lines"_s, line);
    c.recommended(u"contact.address.lines"_s, !address.lines.isEmpty());
    c.recommended(u"contact.address.postalCode"_s, !address.postalCode.isEmpty());
    c.recommended(u"contact.address.city"_s, !address.city.isEmpty());
    c.text(u"contact.address.city"_s, address.city);
    c.identifier(u"contact.address.country"_s, &address.country, &Identifiers::checkCountry);
    if (!address.postalCode.isEmpty()) {
        c.apply(u"contact.address.postalCode"_s, &address.postalCode,
                Identifiers::checkPostalCode(address.postalCode, address.country));
    }

    // The annex calls the e-mail "particularly important": having neither it nor a
    // mobile phone is one thing to confirm, not two.
    if (contact.email.isEmpty() && contact.mobilePhone.isEmpty()) {
        c.warning(u"contact"_s, u"contact.none"_s,
                  RecordValidator::tr("neither an e-mail address nor a mobile phone; confirm "
                                      "that the patient has neither"));
    } else {
        c.recommended(u"contact.email"_s, !contact.email.isEmpty());
        c.recommended(u"contact.mobilePhone"_s, !contact.mobilePhone.isEmpty());
    }
    c.identifier(u"contact.email"_s, &contact.email, &Identifiers::checkEmail);
    if (!contact.email.isEmpty())
        c.required(u"contact.emailOwner"_s, !contact.emailOwner.isEmpty());
    c.oneOf(u"contact.emailOwner"_s, contact.emailOwner, Owners);
    if (!contact.mobilePhone.isEmpty()) {
        c.apply(u"contact.mobilePhone"_s, &contact.mobilePhone,
                Identifiers::checkPhone(contact.mobilePhone, true));
        c.required(u"contact.mobilePhoneOwner"_s, !contact.mobilePhoneOwner.isEmpty());
    }
    c.oneOf(u"contact.mobilePhoneOwner"_s, contact.mobilePhoneOwner, Owners);
    if (!contact.landlinePhone.isEmpty()) {
        c.apply(u"contact.landlinePhone"_s, &contact.landlinePhone,
                Identifiers::checkPhone(contact.landlinePhone, false));
    }
}

void checkClinical(Checker& c, SamplingRecord& record)
{
    c.required(u"residence"_s, !record.residence.isEmpty());
    c.eachOf(u"residence"_s, record.residence, ResidenceValues);
    c.required(u"healthProfessional"_s, record.healthProfessional.has_value());
    c.required(u"symptomOnset"_s, !record.symptomOnset.isEmpty());
    c.oneOf(u"symptomOnset"_s, record.symptomOnset, SymptomOnsetValues);
    c.eachOf(u"symptoms"_s, record.symptoms, SymptomValues);
    if (record.symptomOnset == u"asymptomatic"_s && !record.symptoms.isEmpty()) {
        c.error(u"symptoms"_s, u"symptoms.asymptomatic"_s,
                RecordValidator::tr("must be empty for an asymptomatic patient"));
    }
}

void checkPhysician(Checker& c, const QString& prefix, Physician& physician)
{
    if (physician.isEmpty())
        return;
    if (physician.rpps.isEmpty() && physician.adeli.isEmpty()) {
        c.error(prefix + u".rpps"_s, u"physician.id"_s,
                RecordValidator::tr("an RPPS or ADELI number is required for a known "
                                    "physician"));
    }
    c.identifier(prefix + u".rpps"_s, &physician.rpps, &Identifiers::checkRpps);
    c.identifier(prefix + u".adeli"_s, &physician.adeli, &Identifiers::checkAdeli);
    c.identifier(prefix + u".mssante"_s, &physician.mssante, &Identifiers::checkEmail);
    c.text(prefix + u".familyName"_s, physician.familyName);
    c.text(prefix + u".givenName"_s, physician.givenName);
    c.text(prefix + u".structure.name"_s, physician.structure.name);
    c.text(prefix + u".structure.address"_s, physician.structure.address, 3 * MaxTextLength);
    if (!physician.structure.phone.isEmpty()) {
        c.apply(prefix + u".structure.phone"_s, &physician.structure.phone,
                Identifiers::checkPhone(physician.structure.phone, false));
    }
}

QDateTime checkSpecimen(Checker& c, Specimen& specimen)
{
    c.required(u"specimen.accession"_s, !specimen.accession.isEmpty());
    if (!specimen.accession.isEmpty()) {
        const bool printable = std::all_of(specimen.accession.cbegin(), specimen.accession.cend(),
                                           [](QChar ch) { return ch >= u' ' && ch <= u'~'; });
        if (specimen.accession.size() < 4 || specimen.accession.size() > 40 || !printable) {
            c.error(u"specimen.accession"_s, u"accession.format"_s,
                    RecordValidator::tr("must be 4 to 40 printable ASCII characters"));
        }
    }

    c.required(u"specimen.collectedAt"_s, !specimen.collectedAt.isEmpty());
    const QDateTime collectedAt = c.pastDateTime(u"specimen.collectedAt"_s, &specimen.collectedAt);
    if (collectedAt.isValid() &&
        collectedAt.secsTo(c.m_options.now) > OldSamplingDays * 24 * 3600) {
        c.warning(u"specimen.collectedAt"_s, u"datetime.old"_s,
                  RecordValidator::tr("is more than %1 days ago; confirm the sampling time")
                      .arg(OldSamplingDays));
    }

    c.required(u"specimen.finess"_s, !specimen.finess.isEmpty());
    c.identifier(u"specimen.finess"_s, &specimen.finess, &Identifiers::checkFiness);
    if (specimen.finessKind.isEmpty())
        specimen.finessKind = u"geographic"_s;
    c.oneOf(u"specimen.finessKind"_s, specimen.finessKind, FinessKinds);
    if (specimen.type.isEmpty())
        specimen.type = DefaultSpecimenType;
    const bool snomedForm = specimen.type.size() >= 6 && specimen.type.size() <= 18 &&
                            std::all_of(specimen.type.cbegin(), specimen.type.cend(),
                                        [](QChar ch) { return ch.isDigit(); });
    if (!snomedForm) {
        c.error(u"specimen.type"_s, u"snomed.format"_s,
                RecordValidator::tr("must be a SNOMED CT code of 6 to 18 digits"));
    }
    return collectedAt;
}

void checkResult(Checker& c, SamplingRecord& record, const QDateTime& collectedAt)
{
    TestResult& result = record.result;
    const bool hasResult = !result.isEmpty();
    if (hasResult || c.m_options.requireResult) {
        if (result.analysis.isEmpty())
            result.analysis = DefaultAnalysis;
        c.identifier(u"result.analysis"_s, &result.analysis, &Identifiers::checkLoinc);
        result.value = result.value.toUpper();
        c.required(u"result.value"_s, !result.value.isEmpty());
        c.oneOf(u"result.value"_s, result.value, ResultValues);
        c.required(u"result.validatedAt"_s, !result.validatedAt.isEmpty());
        const QDateTime validatedAt = c.pastDateTime(u"result.validatedAt"_s, &result.validatedAt);
        if (validatedAt.isValid() && collectedAt.isValid() && validatedAt < collectedAt) {
            c.error(u"result.validatedAt"_s, u"validatedAt.beforeSampling"_s,
                    RecordValidator::tr("is before the sampling time"));
        }
        if (result.value == u"X"_s)
            c.required(u"result.nonConformity"_s, !result.nonConformity.trimmed().isEmpty());
        c.text(u"result.nonConformity"_s, result.nonConformity, 500);
    }
    if (!result.reportPdf.isEmpty()) {
        if (!result.reportPdf.startsWith("%PDF-")) {
            c.error(u"result.reportPdf"_s, u"report.pdf"_s,
                    RecordValidator::tr("is not a PDF document"));
        } else if (result.reportPdf.size() > MaxReportSize) {
            c.error(u"result.reportPdf"_s, u"report.size"_s,
                    RecordValidator::tr("is larger than 10 MiB"));
        }
    }
    const bool hasActivation =
        !record.activation.code.isEmpty() || !record.activation.link.isEmpty();
    if (hasActivation && result.value != u"P"_s) {
        c.error(u"activation.code"_s, u"activation.notPositive"_s,
                RecordValidator::tr("is only given for a positive result"));
    }
}

} // namespace

QList<Problem> RecordValidator::validate(SamplingRecord* record, const Options& options)
{
    Checker checker(options);
    checkPatient(checker, record->patient);
    checkContact(checker, record->contact);
    checkClinical(checker, *record);
    checkPhysician(checker, u"prescriber"_s, record->prescriber);
    checkPhysician(checker, u"treatingPhysician"_s, record->treatingPhysician);
    const QDateTime collectedAt = checkSpecimen(checker, record->specimen);
    checkResult(checker, *record, collectedAt);
    return checker.problems;
}
