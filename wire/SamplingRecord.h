#pragma once

#include "Problem.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <optional>

// Where a record is in its life. Corrections of a validated result come later as new
// versions of the record (see SamplingRecord::version), never as edits in place.
enum class RecordStatus
{
    Draft,    // being captured, not yet a sample
    Sampled,  // sampling record saved, awaiting the result
    Resulted, // result validated (or cancelled) by the lab
    Purged,   // identifying data erased after the retention window
};
// What the national server holds is not a status of the record: each version of it has its
// own place in the outbox (model/Outbox).

QString recordStatusName(RecordStatus status); // "draft", "sampled"...
std::optional<RecordStatus> recordStatusFromName(const QString& name);
// The life cycle: draft -> sampled -> resulted -> purged; a resulted record stays resulted
// through corrections and cancellations (new versions).
bool isAllowedTransition(RecordStatus from, RecordStatus to);

// Every field of Annex 1 (../shared/spec/annex1.md). Values are kept as the text that
// crosses boundaries (ISO dates, E.164 phones, canonical identifiers) so that a record read
// from JSON can be validated field by field with messages naming the JSON key.
struct PostalAddress
{
    QStringList lines; // at most 3
    QString postalCode;
    QString city;
    QString country; // ISO 3166 alpha-2, empty means FR
};

struct Patient
{
    QString birthName;
    QString firstNames;
    QString sex;        // M, F or U
    QString birthDate;  // YYYY-MM-DD
    QString birthPlace; // INSEE COG code
    QString ins;
    QString insOid;
    QString identityStatus; // provisional, retrieved, validated, qualified
    QString usualName;
    QString openingRightsNir;
};

struct Contact
{
    PostalAddress address;
    QString email;
    QString emailOwner; // patient or relative
    QString mobilePhone;
    QString mobilePhoneOwner;
    QString landlinePhone;
};

struct PractitionerStructure
{
    QString name;
    QString address;
    QString phone;
};

struct Physician
{
    QString rpps;
    QString adeli;
    QString mssante;
    QString familyName;
    QString givenName;
    PractitionerStructure structure;

    bool isEmpty() const;
};

struct Specimen
{
    QString accession;   // the tube label
    QString collectedAt; // ISO 8601 with offset
    QString finess;
    QString finessKind; // geographic or legal
    QString type;       // SNOMED CT
};

struct TestResult
{
    QString analysis; // LOINC
    QString value;    // P, N, I or X
    QString validatedAt;
    QByteArray reportPdf;
    QString nonConformity;

    bool isEmpty() const;
};

struct Activation
{
    QString code;
    QString link;
};

class SamplingRecord
{
public:
    QUuid id;
    RecordStatus status = RecordStatus::Draft;
    int version = 1;

    Patient patient;
    Contact contact;
    QStringList residence;
    std::optional<bool> healthProfessional;
    QString symptomOnset;
    QStringList symptoms;
    Physician prescriber;
    Physician treatingPhysician;
    Specimen specimen;
    TestResult result;
    Activation activation;

    // The record with the annex1.md keys. Empty values are left out. The PDF report is
    // written as base64 when includeReport is true.
    QJsonObject toJson(bool includeReport = true) const;
    // Reads the annex1.md keys. Unknown keys and values of the wrong JSON type are
    // reported in `problems` (as errors) and the rest is still read, so that one pass
    // lists every problem. A `result.reportPdf` that is not base64 of a PDF is taken as
    // a file path relative to baseDir.
    static SamplingRecord fromJson(const QJsonObject& json, QList<Problem>* problems,
                                   const QString& baseDir = {});

    // The record's fields fall into blocks that the store encrypts separately, each
    // under its own name. A block is a fragment of toJson(): merging the fragments of all
    // blocks gives the record's JSON without id, status, version and report.
    enum class Block
    {
        Patient,    // patient
        Contact,    // contact
        Clinical,   // residence, healthProfessional, symptomOnset, symptoms
        Physicians, // prescriber, treatingPhysician
        Specimen,   // specimen
        Result,     // result (without the PDF), activation
    };
    static constexpr Block AllBlocks[] = {Block::Patient,    Block::Contact,  Block::Clinical,
                                          Block::Physicians, Block::Specimen, Block::Result};
    static QString blockName(Block block); // "patient", "contact"...
    QJsonObject blockJson(Block block) const;
    // The same fragment as compact binary (CBOR), the form the store encrypts, and its
    // way back: merges the fragment's keys into `merged`. False when the bytes are not a
    // CBOR map.
    QByteArray blockCbor(Block block) const;
    [[nodiscard]] static bool mergeBlockCbor(QByteArrayView cbor, QJsonObject* merged);
};
