#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

// The outcome of checking one identifier. When the value is valid, `canonical` is the form
// stored in a record (separators removed, phone numbers in E.164...). When it is not,
// `rule` names the rule that failed (a stable id such as "nir.key", used by tests and by
// the JSON error output) and `message` explains it to a person, translated, without ever
// repeating the value itself (error messages must not leak identifying data).
struct IdentifierCheck
{
    bool valid = false;
    QString canonical;
    QString rule;
    QString message;

    static IdentifierCheck ok(const QString& canonical) { return {true, canonical, {}, {}}; }
    static IdentifierCheck fail(const QString& rule, const QString& message)
    {
        return {false, {}, rule, message};
    }
};

// Validators for the French identifiers of ../shared/spec/identifiers.md. Each function
// accepts what a person types or a scanner sends (spaces, dots and dashes are tolerated
// where the spec says so) and returns the canonical value or the precise failure.
class Identifiers
{
    Q_DECLARE_TR_FUNCTIONS(Identifiers)

public:
    // Removes spaces, dots, dashes (and non-breaking spaces) from typed input.
    static QString stripSeparators(const QString& input);

    // NIR or NIA (INS matricule): 15 characters, structure and key (Corsica 2A/2B).
    static IdentifierCheck checkNir(const QString& input);
    // "2 95 10 99 126 111 93" from a canonical 15-character NIR.
    static QString formatNir(const QString& canonicalNir);
    // Agreement of a valid NIR with the sex ("M"/"F"/"U") and the birth date: sex digit
    // (odd male, even female), birth year (two digits) and month when the NIR carries one
    // (months 20, 31-42 are pseudo-months, 50-99 unknown: see identifiers.md). "U" and an
    // invalid date are not contradicted.
    static IdentifierCheck checkNirConsistency(const QString& canonicalNir, const QString& sex,
                                               const QDate& birthDate);
    // The OID of an INS matricule's authority: one of 1.2.250.1.213.1.4.8 / .9 / .10 / .11.
    static IdentifierCheck checkInsOid(const QString& oid);

    static IdentifierCheck checkRpps(const QString& input);   // 11 digits, Luhn
    static IdentifierCheck checkAdeli(const QString& input);  // 9 characters, form only
    static IdentifierCheck checkFiness(const QString& input); // 9 characters, Luhn (2A=21, 2B=22)
    static IdentifierCheck checkCog(const QString& input);    // INSEE COG code, 5 characters
    static IdentifierCheck checkLoinc(const QString& input);  // \d{1,5}-\d with Luhn check digit

    // French and international phone numbers to E.164 ("06 12 34 56 78" -> "+33612345678";
    // overseas departments to their own country codes). With requireMobile, a French or
    // overseas number must be a mobile one.
    static IdentifierCheck checkPhone(const QString& input, bool requireMobile = false);
    // RFC 5322 addr-spec (dot-atom local part or quoted string, domain with a dot), <= 254.
    static IdentifierCheck checkEmail(const QString& input);
    // 5 digits for France (country "FR" or empty); other countries: 2-10 letters/digits.
    static IdentifierCheck checkPostalCode(const QString& input, const QString& country = {});
    // ISO 3166 alpha-2 code, upper case.
    static IdentifierCheck checkCountry(const QString& input);
    // Strict ISO date YYYY-MM-DD that exists in the calendar. Canonical: the same string.
    static IdentifierCheck checkDate(const QString& input);
    // ISO 8601 date-time with an explicit offset ("Z" or +hh:mm). Canonical: the same
    // instant written with its offset, seconds precision (Qt::ISODate).
    static IdentifierCheck checkDateTime(const QString& input);
    // A person's name as annex1.md allows: 1-100 characters, letters (accents included),
    // space, hyphen, apostrophe. Canonical: trimmed, inner spaces collapsed.
    static IdentifierCheck checkPersonName(const QString& input);

    // Luhn check over a string of digits (the last digit is the check digit).
    static bool luhnValid(const QString& digits);
    // The Luhn check digit to append to `digits`.
    static int luhnCheckDigit(const QString& digits);
};
