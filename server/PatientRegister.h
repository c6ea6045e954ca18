#pragma once

#include "ServerDatabase.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

class SamplingRecord;

// The national side's view of a person (docs/fhir-mapping.md section 5). Each Bundle's
// Patient is updated on an identifier: the INS (system|value) for a qualified identity, the
// record's own otherwise. A generic FHIR server runs that conditional update whole, in the
// order Bundles arrive, so a late correction of an old record or an offline station's queue
// would bring old contact details back; no condition on dates can be written in it. This
// register orders by the sampling instead: an identifier keeps the Patient of its newest
// sampling (the Specimen's collection time), a tie going to the later arrival, which for
// one record is its later version. An older sampling's Bundle is still stored as a record
// version; it just does not replace the details. A record's own later version always
// replaces what that record said, so an identity that is not qualified (one Patient per
// record) follows its record's versions.
class PatientRegister
{
    Q_DECLARE_TR_FUNCTIONS(PatientRegister)

public:
    explicit PatientRegister(ServerDatabase* database)
        : m_database(database)
    {}

    // The row that keep() writes for this record version (read from `bundle`, from `site`):
    // no database, so BundleIntake makes it off the event loop. False (and why) when the
    // Patient has no identifier or the Specimen no collection time, which the reader and
    // validator let through only by mistake.
    [[nodiscard]] static bool rowFor(const QJsonObject& bundle, const SamplingRecord& record,
                                     const QString& site, ServerDatabase::PatientRow* row,
                                     QString* error);
    // After BundleIntake stored the row's record version, in the same transaction: a
    // failure must undo the version too, or the Patient would never catch up (a replay is
    // "already had"). *written: the Patient now comes from it.
    [[nodiscard]] bool keep(const ServerDatabase::PatientRow& row, bool* written, QString* error);
    // What `sidep-server patient show` prints: the kept Patient and where it came from.
    [[nodiscard]] bool find(const QString& identifier, ServerDatabase::PatientRow* row, bool* found,
                            QString* error);

    // The identifier the Bundle's Patient is updated on, system|value; empty when it has none.
    static QString identifier(const QJsonObject& patient, const SamplingRecord& record);
    // The Bundle's one Patient resource (empty when none).
    static QJsonObject patientOf(const QJsonObject& bundle);

private:
    ServerDatabase* m_database;
};
