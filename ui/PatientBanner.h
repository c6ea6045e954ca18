#pragma once

#include <QDate>
#include <QFrame>
#include <QJsonObject>

class QLabel;

// The patient's card: NAME First names, sex, birth date and age, NIR, identity status, and
// the sampling time. Pinned over the sampling form once the identity is known, and the
// same card on the review page, to read back to the patient before saving. Shows what the
// form holds, never more; empty when there is no name yet.
class PatientBanner : public QFrame
{
    Q_OBJECT

public:
    explicit PatientBanner(QWidget* parent = nullptr);

    // `patient` has the annex1.md "patient" keys; `collectedAt` is ISO 8601 (may be empty);
    // `today` dates the age.
    void setPatient(const QJsonObject& patient, const QString& collectedAt, const QDate& today);
    void clear();
    bool hasIdentity() const { return m_hasIdentity; }
    // Everything the card says, as one line (what a screen reader reads).
    QString text() const;

    // "28 years", "14 months", "3 weeks": the age on `today`, empty for an invalid date.
    static QString ageText(const QDate& birthDate, const QDate& today);

private:
    QLabel* m_name = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_identity = nullptr;
    bool m_hasIdentity = false;
};
