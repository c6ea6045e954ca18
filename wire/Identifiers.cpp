#include "Identifiers.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <array>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

IdentifierCheck fail(const QString& rule, const QString& message)
{
    return IdentifierCheck::fail(rule, message);
}

// Typed identifiers use ASCII digits only: QChar::isDigit would also accept other scripts.
bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}

bool allDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isAsciiDigit);
}

// Corsica's departments are written 2A and 2B; the check-digit algorithms replace them by
// digits, each its own. Returns `s` with the two characters at `pos` replaced when they are
// 2A or 2B, unchanged otherwise, so that "all digits" afterwards also validates the form.
QString corsicaToDigits(QString s, qsizetype pos, QStringView forA, QStringView forB)
{
    const QStringView department = QStringView(s).mid(pos, 2);
    if (department == u"2A") {
        s.replace(pos, 2, forA.toString());
    } else if (department == u"2B") {
        s.replace(pos, 2, forB.toString());
    }
    return s;
}

// A department as the NIR and the COG write it: 01-95 (20 is pre-1976 Corsica), 2A, 2B,
// 97 and 98 (overseas, a third digit follows) or 99 (born abroad, a country code follows).
bool isDepartment(QStringView department)
{
    if (department == u"2A" || department == u"2B") {
        return true;
    }
    if (department.size() != 2 || !allDigits(department)) {
        return false;
    }
    const int number = department.toInt();
    return (number >= 1 && number <= 95) || number >= 97;
}

// Luhn weights summed over `digits`: every second digit doubled, counted from the right and
// starting with the rightmost when it is not yet followed by a check digit.
int luhnSum(QStringView digits, bool doubleRightmost)
{
    int sum = 0;
    bool doubled = doubleRightmost;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int value = it->unicode() - u'0';
        if (doubled) {
            value *= 2;
            if (value > 9) {
                value -= 9;
            }
        }
        sum += value;
        doubled = !doubled;
    }
    return sum;
}

// The messages shared by the numbered identifiers. The name is an acronym ("NIR", "RPPS"),
// the same in every language.
IdentifierCheck lengthFailure(const QString& rule, const QString& name, int expected,
                              qsizetype actual)
{
    return fail(rule, Identifiers::tr("%1 must have %2 characters, not %3")
                          .arg(name, QString::number(expected), QString::number(actual)));
}

IdentifierCheck digitsFailure(const QString& rule, const QString& name, bool corsicaAllowed)
{
    return fail(
        rule,
        corsicaAllowed
            ? Identifiers::tr("%1 may contain only digits, and 2A or 2B for Corsica").arg(name)
            : Identifiers::tr("%1 may contain only digits").arg(name));
}

// Never the key that would pass: told "93 expected", a person types 93 and a mistyped
// number becomes a valid number of someone else. The number is to be read again instead.
IdentifierCheck keyFailure(const QString& rule, const QString& name)
{
    return fail(rule, Identifiers::tr("the %1 is wrong (its check key does not match): read the "
                                      "number again from the document")
                          .arg(name));
}

// Fixed-length numbers whose last digit is a Luhn key over all of them (RPPS, FINESS).
// `digits` is `value` with 2A/2B replaced when `corsicaAllowed`.
IdentifierCheck checkLuhnNumber(const QString& value, const QString& digits, bool corsicaAllowed,
                                int length, const QString& name, const QString& rulePrefix)
{
    if (value.size() != length) {
        return lengthFailure(rulePrefix + u".length", name, length, value.size());
    }
    if (!allDigits(digits)) {
        return digitsFailure(rulePrefix + u".format", name, corsicaAllowed);
    }
    if (!Identifiers::luhnValid(digits)) {
        return keyFailure(rulePrefix + u".key", name);
    }
    return IdentifierCheck::ok(value);
}

bool isNirMonth(int month)
{
    return (month >= 1 && month <= 12) || month == 20 || (month >= 31 && month <= 42) ||
           month >= 50;
}

// National numbers of the overseas departments belong to their own country codes: the
// French national prefix is replaced by the E.164 one. Saint-Pierre's numbers have six
// digits after +508, so its "508" is not repeated.
struct OverseasPrefix
{
    QStringView national;
    QStringView e164;
};
constexpr std::array overseasPrefixes = {
    OverseasPrefix{u"0262", u"+262262"}, OverseasPrefix{u"0263", u"+262263"},
    OverseasPrefix{u"0692", u"+262692"}, OverseasPrefix{u"0693", u"+262693"}, // Réunion
    OverseasPrefix{u"0269", u"+262269"}, OverseasPrefix{u"0639", u"+262639"}, // Mayotte
    OverseasPrefix{u"0590", u"+590590"}, OverseasPrefix{u"0690", u"+590690"},
    OverseasPrefix{u"0691", u"+590691"}, // Guadeloupe, Saint-Martin, Saint-Barthélemy
    OverseasPrefix{u"0594", u"+594594"}, OverseasPrefix{u"0694", u"+594694"}, // Guyane
    OverseasPrefix{u"0596", u"+596596"}, OverseasPrefix{u"0696", u"+596696"},
    OverseasPrefix{u"0697", u"+596697"}, // Martinique
    OverseasPrefix{u"0508", u"+508"},    // Saint-Pierre-et-Miquelon
};

// The country codes whose mobile ranges we know, and those ranges. Other countries' numbers
// are accepted without a mobile check.
constexpr std::array mobileCheckedCodes = {u"+33", u"+262", u"+590", u"+594", u"+596"};
constexpr std::array mobilePrefixes = {u"+336",    u"+337",    u"+26269",  u"+262639", u"+590690",
                                       u"+590691", u"+594694", u"+596696", u"+596697"};

template <std::size_t N>
bool startsWithAny(const QString& s, const std::array<const char16_t*, N>& prefixes)
{
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&s](const char16_t* prefix) { return s.startsWith(QStringView(prefix)); });
}

// A 10-digit French national number ("0612345678") in E.164.
QString nationalToE164(const QString& national)
{
    for (const OverseasPrefix& prefix : overseasPrefixes) {
        if (national.startsWith(prefix.national)) {
            return prefix.e164 + QStringView(national).mid(prefix.national.size());
        }
    }
    return u"+33"_s + QStringView(national).mid(1);
}

bool isAtext(QChar c)
{
    return isAsciiLetter(c) || isAsciiDigit(c) || QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(c);
}

// RFC 5322 dot-atom: atext runs separated by single dots.
bool isDotAtom(QStringView s)
{
    const auto parts = s.split(u'.');
    return std::all_of(parts.begin(), parts.end(), [](QStringView part) {
        return !part.isEmpty() && std::all_of(part.begin(), part.end(), isAtext);
    });
}

// RFC 5322 quoted-string without folding: printable ASCII and spaces, `"` and `\` escaped.
bool isQuotedString(QStringView s)
{
    if (s.size() < 2 || !s.startsWith(u'"') || !s.endsWith(u'"')) {
        return false;
    }
    const QStringView inner = s.mid(1, s.size() - 2);
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const char16_t c = inner[i].unicode();
        if (c == u'\\') {
            ++i; // quoted-pair: the next character stands for itself
            if (i == inner.size() || inner[i].unicode() < 0x20 || inner[i].unicode() > 0x7e) {
                return false;
            }
        } else if (c == u'"' || c < 0x20 || c > 0x7e) {
            return false;
        }
    }
    return true;
}

// A DNS host name with at least two labels: letters, digits and inner hyphens, 1-63 each.
// Domain literals ("[192.0.2.1]") are valid RFC 5322 but never a patient's address.
bool isHostName(QStringView s)
{
    const auto labels = s.split(u'.');
    return labels.size() >= 2 && std::all_of(labels.begin(), labels.end(), [](QStringView label) {
               return !label.isEmpty() && label.size() <= 63 && !label.startsWith(u'-') &&
                      !label.endsWith(u'-') && std::all_of(label.begin(), label.end(), [](QChar c) {
                          return isAsciiLetter(c) || isAsciiDigit(c) || c == u'-';
                      });
           });
}

} // namespace

QString Identifiers::stripSeparators(const QString& input)
{
    QString stripped = input;
    // isSpace covers the non-breaking spaces; Punctuation_Dash the Unicode dashes that word
    // processors substitute for '-'.
    stripped.removeIf([](QChar c) {
        return c.isSpace() || c == u'.' || c.category() == QChar::Punctuation_Dash;
    });
    return stripped;
}

IdentifierCheck Identifiers::checkNir(const QString& input)
{
    const QString nir = stripSeparators(input).toUpper();
    if (nir.size() != 15) {
        return lengthFailure(u"nir.length"_s, u"NIR"_s, 15, nir.size());
    }
    const QString digits = corsicaToDigits(nir, 5, u"19", u"18");
    if (!allDigits(digits)) {
        return digitsFailure(u"nir.format"_s, u"NIR"_s, true);
    }
    // 1, 2 for a NIR; 3, 4 (foreign-born, provisional) and 7, 8 (NIA) too: odd is male.
    if (!QStringView(u"123478").contains(nir[0])) {
        return fail(u"nir.sex"_s, tr("the first NIR digit (sex) must be 1, 2, 3, 4, 7 or 8"));
    }
    if (!isNirMonth(QStringView(nir).mid(3, 2).toInt())) {
        return fail(u"nir.month"_s, tr("the NIR birth month must be 01 to 12, 20, 31 to 42 or "
                                       "50 to 99"));
    }
    if (!isDepartment(QStringView(nir).mid(5, 2))) {
        return fail(u"nir.department"_s, tr("the NIR department must be 01 to 95, 2A, 2B, 97, 98 "
                                            "or 99"));
    }
    if (QStringView(nir).mid(10, 3) == u"000") {
        return fail(u"nir.order"_s, tr("the NIR order number must be 001 to 999"));
    }
    const int expectedKey = 97 - int(QStringView(digits).left(13).toLongLong() % 97);
    if (QStringView(nir).mid(13, 2).toInt() != expectedKey) {
        return fail(u"nir.key"_s, tr("the NIR is wrong (its key does not match): read the whole "
                                     "number again from the patient's card"));
    }
    return IdentifierCheck::ok(nir);
}

QString Identifiers::formatNir(const QString& canonicalNir)
{
    if (canonicalNir.size() != 15) {
        return canonicalNir;
    }
    const QStringView nir(canonicalNir);
    return nir.left(1) + u' ' + nir.mid(1, 2) + u' ' + nir.mid(3, 2) + u' ' + nir.mid(5, 2) + u' ' +
           nir.mid(7, 3) + u' ' + nir.mid(10, 3) + u' ' + nir.mid(13, 2);
}

IdentifierCheck Identifiers::checkNirConsistency(const QString& canonicalNir, const QString& sex,
                                                 const QDate& birthDate)
{
    const IdentifierCheck nirCheck = checkNir(canonicalNir);
    if (!nirCheck.valid) {
        return nirCheck;
    }
    const QStringView nir(nirCheck.canonical);
    const bool nirMale = nir[0].digitValue() % 2 == 1;
    const QString normalizedSex = sex.trimmed().toUpper();
    if ((normalizedSex == u"M" && !nirMale) || (normalizedSex == u"F" && nirMale)) {
        return fail(u"nir.sexMismatch"_s, tr("the first NIR digit does not agree with the sex"));
    }
    if (birthDate.isValid()) {
        if (nir.mid(1, 2).toInt() != std::abs(birthDate.year()) % 100) {
            return fail(u"nir.yearMismatch"_s,
                        tr("the birth year in the NIR does not agree with the birth date"));
        }
        // Months 20, 31-42 and 50-99 were given when the month was unknown at registration:
        // they say nothing of the real one (annex1.md).
        const int month = nir.mid(3, 2).toInt();
        if (month <= 12 && month != birthDate.month()) {
            return fail(u"nir.monthMismatch"_s,
                        tr("the birth month in the NIR does not agree with the birth date"));
        }
    }
    return nirCheck;
}

IdentifierCheck Identifiers::checkInsOid(const QString& oid)
{
    static const QStringList authorities = {u"1.2.250.1.213.1.4.8"_s, u"1.2.250.1.213.1.4.9"_s,
                                            u"1.2.250.1.213.1.4.10"_s, u"1.2.250.1.213.1.4.11"_s};
    const QString trimmed = oid.trimmed();
    if (!authorities.contains(trimmed)) {
        return fail(u"ins.oid"_s, tr("not the OID of an INS authority (NIR, NIA, test or "
                                     "demonstration)"));
    }
    return IdentifierCheck::ok(trimmed);
}

IdentifierCheck Identifiers::checkRpps(const QString& input)
{
    const QString rpps = stripSeparators(input);
    return checkLuhnNumber(rpps, rpps, false, 11, u"RPPS"_s, u"rpps"_s);
}

IdentifierCheck Identifiers::checkAdeli(const QString& input)
{
    // The department comes first, as in FINESS; no public key algorithm.
    const QString adeli = stripSeparators(input).toUpper();
    if (adeli.size() != 9) {
        return lengthFailure(u"adeli.length"_s, u"ADELI"_s, 9, adeli.size());
    }
    if (!allDigits(corsicaToDigits(adeli, 0, u"20", u"20"))) {
        return digitsFailure(u"adeli.format"_s, u"ADELI"_s, true);
    }
    return IdentifierCheck::ok(adeli);
}

IdentifierCheck Identifiers::checkFiness(const QString& input)
{
    const QString finess = stripSeparators(input).toUpper();
    return checkLuhnNumber(finess, corsicaToDigits(finess, 0, u"21", u"22"), true, 9, u"FINESS"_s,
                           u"finess"_s);
}

IdentifierCheck Identifiers::checkCog(const QString& input)
{
    const QString cog = stripSeparators(input).toUpper();
    if (cog.size() != 5) {
        return lengthFailure(u"cog.length"_s, u"COG"_s, 5, cog.size());
    }
    if (!allDigits(corsicaToDigits(cog, 0, u"20", u"20"))) {
        return digitsFailure(u"cog.format"_s, u"COG"_s, true);
    }
    const QStringView department = QStringView(cog).left(2);
    if (!isDepartment(department)) {
        return fail(u"cog.department"_s, tr("the COG department must be 01 to 95, 2A, 2B, 97, 98 "
                                            "or 99"));
    }
    // Overseas departments have three digits and their communes two.
    const qsizetype communeLength = (department == u"97" || department == u"98") ? 2 : 3;
    if (QStringView(cog).right(communeLength).toInt() == 0) {
        return fail(u"cog.commune"_s, tr("the COG commune or country number cannot be zero"));
    }
    return IdentifierCheck::ok(cog);
}

IdentifierCheck Identifiers::checkLoinc(const QString& input)
{
    static const QRegularExpression shape(u"^([0-9]{1,5})-([0-9])$"_s);
    const QString code = input.trimmed();
    const QRegularExpressionMatch match = shape.match(code);
    if (!match.hasMatch()) {
        return fail(u"loinc.format"_s,
                    tr("a LOINC code is 1 to 5 digits, a dash and a check digit"));
    }
    // LOINC pads the left part to 5 digits; leading zeros do not change a Luhn sum.
    if (match.captured(2).toInt() != luhnCheckDigit(match.captured(1))) {
        return keyFailure(u"loinc.key"_s, u"LOINC"_s);
    }
    return IdentifierCheck::ok(code);
}

IdentifierCheck Identifiers::checkPhone(const QString& input, bool requireMobile)
{
    QString number = stripSeparators(input);
    number.remove(u'/');
    // "+33 (0)6...": the bracketed trunk prefix is not dialled from abroad.
    if (number.startsWith(u'+') || number.startsWith(u"00")) {
        number.remove(u"(0)"_s);
    }
    number.remove(u'(');
    number.remove(u')');
    if (number.startsWith(u"00")) {
        number.replace(0, 2, u"+"_s);
    }

    const bool international = number.startsWith(u'+');
    const QStringView digits = QStringView(number).mid(international ? 1 : 0);
    if (!allDigits(digits) || (!international && !digits.startsWith(u'0')) ||
        (international && digits.startsWith(u'0'))) {
        return fail(u"phone.format"_s, tr("a phone number is digits starting with 0, or with + "
                                          "or 00 and a country code"));
    }

    QString e164;
    if (!international) {
        if (digits.size() != 10) {
            return fail(u"phone.length"_s,
                        tr("a French phone number has 10 digits, not %1").arg(digits.size()));
        }
        e164 = nationalToE164(number);
    } else if (digits.size() < 8 || digits.size() > 15) {
        return fail(u"phone.length"_s, tr("an international phone number has 8 to 15 digits, "
                                          "not %1")
                                           .arg(digits.size()));
    } else if (digits.startsWith(u"33")) {
        QStringView national = digits.mid(2);
        if (national.size() == 10 && national.startsWith(u'0')) {
            national = national.mid(1); // "+33 06...": the trunk 0 typed out of habit
        }
        if (national.size() != 9) {
            return fail(u"phone.length"_s, tr("a French phone number has 9 digits after +33, "
                                              "not %1")
                                               .arg(national.size()));
        }
        e164 = u"+33"_s + national;
    } else {
        e164 = number;
    }

    if (requireMobile && startsWithAny(e164, mobileCheckedCodes) &&
        !startsWithAny(e164, mobilePrefixes)) {
        return fail(u"phone.notMobile"_s, tr("a mobile phone number is expected (06, 07 or an "
                                             "overseas mobile number)"));
    }
    return IdentifierCheck::ok(e164);
}

IdentifierCheck Identifiers::checkEmail(const QString& input)
{
    const QString email = input.trimmed();
    if (email.size() > 254) {
        return fail(u"email.length"_s,
                    tr("an e-mail address has at most 254 characters, not %1").arg(email.size()));
    }
    const qsizetype at = email.lastIndexOf(u'@');
    if (at < 0) {
        return fail(u"email.format"_s, tr("an e-mail address needs an @"));
    }
    const QStringView local = QStringView(email).left(at);
    const QStringView domain = QStringView(email).mid(at + 1);
    if (local.size() > 64) {
        return fail(u"email.length"_s,
                    tr("the part before @ has at most 64 characters, not %1").arg(local.size()));
    }
    if (!isDotAtom(local) && !isQuotedString(local)) {
        return fail(u"email.format"_s,
                    tr("the part before @ is empty, contains a character that is not allowed "
                       "or a misplaced dot"));
    }
    if (!isHostName(domain)) {
        return fail(u"email.format"_s,
                    tr("the domain after @ must be names of letters, digits and hyphens "
                       "separated by dots"));
    }
    // Domains are case-insensitive; the local part belongs to its server and is kept.
    return IdentifierCheck::ok(local + u'@' + domain.toString().toLower());
}

IdentifierCheck Identifiers::checkPostalCode(const QString& input, const QString& country)
{
    const QString countryCode = country.trimmed().toUpper();
    if (countryCode.isEmpty() || countryCode == u"FR") {
        const QString code = stripSeparators(input);
        if (code.size() != 5 || !allDigits(code) || code.startsWith(u"00")) {
            return fail(u"postalCode.format"_s,
                        tr("a French postal code has 5 digits and starts with a department"));
        }
        return IdentifierCheck::ok(code);
    }
    // Other countries' formats vary too much to check more than length and alphabet.
    const QString code = input.simplified().toUpper();
    const auto alphanumeric = std::count_if(
        code.begin(), code.end(), [](QChar c) { return isAsciiLetter(c) || isAsciiDigit(c); });
    const bool onlyAllowed = std::all_of(code.begin(), code.end(), [](QChar c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == u' ' || c == u'-';
    });
    if (!onlyAllowed || alphanumeric < 2 || alphanumeric > 10) {
        return fail(u"postalCode.format"_s,
                    tr("a postal code has 2 to 10 letters or digits, with spaces or hyphens"));
    }
    return IdentifierCheck::ok(code);
}

IdentifierCheck Identifiers::checkCountry(const QString& input)
{
    const QString code = input.trimmed().toUpper();
    if (code.size() != 2 || !isAsciiLetter(code[0]) || !isAsciiLetter(code[1])) {
        return fail(u"country.format"_s, tr("a country is written as its two-letter ISO 3166 "
                                            "code"));
    }
    // QLocale knows the ISO 3166 codes, and CLDR's groupings and reserved codes, which we
    // reject (Kosovo's user-assigned XK is kept: it is the code in common use).
    static const QStringList notCountries = {u"EU"_s, u"EZ"_s, u"UN"_s, u"QO"_s, u"AC"_s,
                                             u"CP"_s, u"DG"_s, u"EA"_s, u"IC"_s, u"TA"_s};
    if (QLocale::codeToTerritory(code) == QLocale::AnyTerritory || notCountries.contains(code)) {
        return fail(u"country.unknown"_s, tr("not an ISO 3166 country code"));
    }
    return IdentifierCheck::ok(code);
}

IdentifierCheck Identifiers::checkDate(const QString& input)
{
    static const QRegularExpression shape(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"_s);
    const QString date = input.trimmed();
    if (!shape.match(date).hasMatch()) {
        return fail(u"date.format"_s, tr("a date is written YYYY-MM-DD"));
    }
    if (!QDate::fromString(date, Qt::ISODate).isValid()) {
        return fail(u"date.invalid"_s, tr("this date does not exist in the calendar"));
    }
    return IdentifierCheck::ok(date);
}

IdentifierCheck Identifiers::checkDateTime(const QString& input)
{
    // Seconds and their fraction are optional; the offset is checked apart to say it lacks.
    static const QRegularExpression shape(
        u"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?"
        "(Z|[+-][0-9]{2}:[0-9]{2})?$"_s);
    const QString text = input.trimmed();
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch()) {
        return fail(u"datetime.format"_s,
                    tr("a date and time is written YYYY-MM-DDThh:mm:ss followed by Z or +hh:mm"));
    }
    if (match.capturedLength(1) == 0) {
        return fail(u"datetime.offset"_s,
                    tr("a date and time needs its offset from UTC (Z or +hh:mm): a local time is "
                       "ambiguous"));
    }
    const QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dateTime.isValid()) {
        return fail(u"datetime.invalid"_s, tr("this date or time does not exist"));
    }
    // Qt accepts offsets up to ±23:59; the world's time zones span -12:00 to +14:00.
    const int offset = dateTime.offsetFromUtc();
    if (offset < -12 * 3600 || offset > 14 * 3600) {
        return fail(u"datetime.offset"_s, tr("an offset from UTC is between -12:00 and +14:00"));
    }
    return IdentifierCheck::ok(dateTime.toString(Qt::ISODate));
}

IdentifierCheck Identifiers::checkPersonName(const QString& input)
{
    // Composed form, so that "é" typed as e + accent is one letter.
    const QString name = input.normalized(QString::NormalizationForm_C).simplified();
    const QList<uint> codePoints = name.toUcs4();
    if (codePoints.isEmpty() || codePoints.size() > 100) {
        return fail(u"name.length"_s,
                    tr("a name has 1 to 100 characters, not %1").arg(codePoints.size()));
    }
    bool hasLetter = false;
    for (const uint codePoint : codePoints) {
        const auto c = char32_t(codePoint);
        if (QChar::isLetter(c)) {
            hasLetter = true;
        } else if (!QChar::isMark(c) && c != U' ' && c != U'-' && c != U'\'' && c != U'\u2019') {
            return fail(u"name.characters"_s, tr("a name may contain only letters, spaces, "
                                                 "hyphens and apostrophes"));
        }
    }
    if (!hasLetter) {
        return fail(u"name.characters"_s, tr("a name must contain at least one letter"));
    }
    return IdentifierCheck::ok(name);
}

bool Identifiers::luhnValid(const QString& digits)
{
    return digits.size() >= 2 && allDigits(digits) && luhnSum(digits, false) % 10 == 0;
}

int Identifiers::luhnCheckDigit(const QString& digits)
{
    if (!allDigits(digits)) {
        return -1;
    }
    return (10 - luhnSum(digits, true) % 10) % 10;
}
