#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QString>

// The identity an INS DataMatrix carries (codes.md), values as printed on the document.
struct InsIdentity
{
    QString matricule;  // S1: NIR or NIA, 15 characters
    QString oid;        // S2: the matricule's authority
    QString givenNames; // S3: birth given names, space-separated
    QString familyName; // S4: birth family name
    QString sex;        // S5: F or M
    QDate birthDate;    // S6
    QString birthPlace; // S7: INSEE COG code; empty when the document has none
};

// The text of the ANS "INS — Format datamatrix": a 26-character header, then the fields S1
// to S7, each an id and its value, with a GS after a short variable-length field.
class InsDataMatrix
{
    Q_DECLARE_TR_FUNCTIONS(InsDataMatrix)

public:
    static constexpr QChar GroupSeparator = QChar(0x1d);

    // The outcome of parse(). When the text is refused, `rule` is a stable id ("ins.header",
    // "ins.S3.length", "nir.key", "cog.format"...) and `message` a translated reason that
    // never repeats a value read from the code: it may be shown or logged.
    struct Result
    {
        bool valid = false;
        InsIdentity identity;
        QString rule;
        QString message;
    };

    // Accepts the text only when every field is there, in order, with its exact length and
    // separators, and each value is valid (NIR key, INS OID, sex, real birth date not in the
    // future, COG code). A text refused here must never be used to fill an identity.
    [[nodiscard]] static Result parse(const QString& text);

    // The text a document would carry for `identity`, written as given (not validated), so
    // that tests and demonstration documents can also build malformed codes.
    static QString toPayload(const InsIdentity& identity);

    // The identity under the patient keys of annex1.md (ins, insOid, firstNames, birthName,
    // sex, birthDate as YYYY-MM-DD, birthPlace when present), identityStatus "qualified".
    static QJsonObject patientJson(const InsIdentity& identity);
};
